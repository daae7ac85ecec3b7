/**
 * On H5 the tab bar sits outside every page, so the page's `xl-elder` class does not reach it; the
 * body carries `xl-elder-root` for it (styles/h5.scss).
 */
export function markElderRoot(on: boolean): void {
  document.body.classList.toggle('xl-elder-root', on)
}
