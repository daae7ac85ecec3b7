import type { Page } from 'playwright-core'

/**
 * What a person taps: NutUI buttons and tapped cells, our chips and ticks, every box one types into
 * or picks from, the photo tiles, switches, the tab bar and the H5 page header's back arrow.
 */
export const MAIN_CONTROLS = [
  '.nut-button',
  '.nut-cell-clickable',
  '.xl-chip',
  '.xl-tap',
  '.xl-date-field',
  '.xl-photos__tile',
  '.xl-photos__remove',
  '.nut-switch',
  '.nut-input',
  '.nut-textarea',
  '.taro-navigation-bar-back',
  '.taro-navigation-bar-home',
  '.weui-tabbar__item',
].join(',')

export interface Finding {
  what: 'control' | 'text' | 'contrast' | 'line-height'
  element: string
  detail: string
}

export interface Limits {
  /** the least width and height of a main control, in CSS px */
  control: number
  /** the least size of any text, in CSS px (0: not checked) */
  text: number
  /** contrast of text against what is under it (4.5:1; 3:1 for text of 24 px and more) */
  contrast: boolean
  /** the least line height, as a multiple of the font size (0: not checked) */
  lineHeight: number
}

/**
 * Measures the page on top (and the tab bar) as it is drawn: every visible main control against the
 * least touch size, every visible piece of text against the least font size, line height and
 * contrast. Returns one line per element that falls short.
 */
export async function measureTopPage(page: Page, limits: Limits): Promise<Finding[]> {
  return page.evaluate(
    ({ selector, limits }) => {
      type RGBA = [number, number, number, number]
      const pages = [...document.querySelectorAll<HTMLElement>('.taro_router > .taro_page')].filter(
        (e) => getComputedStyle(e).display !== 'none',
      )
      const top = pages[pages.length - 1]
      const roots: Element[] = [
        top,
        document.querySelector('.taro-tabbar__tabbar'),
        document.getElementById('taro-navigation-bar'),
      ].filter((e): e is HTMLElement => e instanceof HTMLElement && getComputedStyle(e).display !== 'none')
      const out: {
        what: 'control' | 'text' | 'contrast' | 'line-height'
        element: string
        detail: string
      }[] = []

      const shown = (e: Element): boolean => {
        const r = e.getBoundingClientRect()
        if (r.width < 1 || r.height < 1) return false
        const st = getComputedStyle(e)
        if (st.visibility === 'hidden' || Number(st.opacity) === 0) return false
        // hidden by an ancestor at opacity 0 (a closing popup)
        for (let p = e.parentElement; p; p = p.parentElement)
          if (Number(getComputedStyle(p).opacity) === 0) return false
        return true
      }
      const describe = (e: Element): string => {
        const cls =
          typeof e.className === 'string'
            ? e.className.split(/\s+/).filter(Boolean).slice(0, 3).join('.')
            : ''
        const text = (e.textContent ?? (e as HTMLInputElement).placeholder ?? '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 24)
        const ph = (e as HTMLInputElement).placeholder
        return `<${e.tagName.toLowerCase()}${cls ? '.' + cls : ''}> "${text || ph || ''}"`
      }
      const parse = (c: string): RGBA | null => {
        const m = /rgba?\(([^)]+)\)/.exec(c)
        if (!m) return null
        const p = m[1]!
          .split(/[ ,/]+/)
          .filter(Boolean)
          .map(Number)
        return [p[0]!, p[1]!, p[2]!, p[3] ?? 1]
      }
      const over = (fg: RGBA, bg: RGBA): RGBA => {
        const a = fg[3]
        return [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a), 1]
      }
      /**
       * The colours under an element: its and its ancestors' backgrounds laid on white; a gradient
       * (NutUI's primary button) gives each of its stops, and the worst of them counts.
       */
      const backgrounds = (e: Element): RGBA[] => {
        const layers: RGBA[] = []
        let base: RGBA[] = [[255, 255, 255, 1]]
        for (let p: Element | null = e; p; p = p.parentElement) {
          const st = getComputedStyle(p)
          if (st.backgroundImage.includes('gradient')) {
            const stops = (st.backgroundImage.match(/rgba?\([^)]+\)/g) ?? [])
              .map(parse)
              .filter((c): c is RGBA => c !== null)
            if (stops.length > 0) {
              base = stops.map((c) => over(c, [255, 255, 255, 1]))
              break
            }
          }
          const c = parse(st.backgroundColor)
          if (c && c[3] > 0) {
            if (c[3] >= 1) {
              base = [c]
              break
            }
            layers.push(c)
          }
        }
        return base.map((b) => layers.reduceRight((bg, l) => over(l, bg), b))
      }
      const luminance = (c: RGBA): number => {
        const ch = c.slice(0, 3).map((v) => {
          const s = v / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        })
        return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!
      }
      const ratio = (a: RGBA, b: RGBA): number => {
        const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m)
        return (x! + 0.05) / (y! + 0.05)
      }
      const disabled = (e: Element): boolean =>
        e.closest('[disabled], .nut-button-disabled, .nut-input-disabled, .nut-switch-disabled') !== null

      for (const root of roots) {
        for (const c of root.querySelectorAll(selector)) {
          if (!shown(c)) continue
          // a switch in a tapped row: the row is the target
          if (c.matches('.nut-switch') && c.closest('.nut-cell-clickable')) continue
          const r = c.getBoundingClientRect()
          if (r.width < limits.control - 0.5 || r.height < limits.control - 0.5)
            out.push({
              what: 'control',
              element: describe(c),
              detail: `${r.width.toFixed(1)}×${r.height.toFixed(1)} px`,
            })
        }
        const texts: Element[] = []
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement
          if (n.textContent?.trim() && parent && !texts.includes(parent)) texts.push(parent)
        }
        for (const e of root.querySelectorAll('input, textarea')) texts.push(e)
        for (const e of texts) {
          if (!shown(e)) continue
          const st = getComputedStyle(e)
          const size = parseFloat(st.fontSize)
          const field = e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement
          if (limits.text > 0) {
            if (size < limits.text - 0.05)
              out.push({ what: 'text', element: describe(e), detail: `${size.toFixed(1)} px` })
            if (field && e.placeholder) {
              const ph = parseFloat(getComputedStyle(e, '::placeholder').fontSize)
              if (ph < limits.text - 0.05)
                out.push({ what: 'text', element: describe(e), detail: `placeholder ${ph.toFixed(1)} px` })
            }
          }
          if (limits.lineHeight > 0 && !field && st.lineHeight !== 'normal') {
            const lh = parseFloat(st.lineHeight)
            if (lh < size * limits.lineHeight - 0.5)
              out.push({
                what: 'line-height',
                element: describe(e),
                detail: `${lh.toFixed(1)} / ${size.toFixed(1)} px`,
              })
          }
          if (limits.contrast && !disabled(e)) {
            const fg = parse(st.color)
            if (!fg) continue
            const worst = backgrounds(e)
              .map((bg) => ({ bg, k: ratio(over(fg, bg), bg) }))
              .sort((x, y) => x.k - y.k)[0]!
            const { bg, k } = worst
            const need = size >= 24 ? 3 : 4.5
            if (k < need)
              out.push({
                what: 'contrast',
                element: describe(e),
                detail: `${k.toFixed(2)}:1 (${st.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')}))`,
              })
          }
        }
      }
      return out
    },
    { selector: MAIN_CONTROLS, limits },
  )
}
