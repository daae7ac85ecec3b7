/**
 * Just enough of React's hooks to run a custom hook in a jest test without a renderer: useState,
 * useRef, useCallback, useMemo and useEffect keep their slots between renders, an effect runs after the
 * render whose deps changed, and a state change renders again once the test lets promises settle.
 *
 * Use it as the `react` module of a hook test:
 *   jest.mock('react', () => require('@/test/fakeReact').reactModule())
 * and `renderHook(() => useSomething(...))` in the test.
 */

type Deps = readonly unknown[] | undefined

let slots: unknown[] = []
let cursor = 0
let dirty = false
let effects: (() => void)[] = []

const changed = (a: Deps, b: Deps): boolean =>
  a === undefined || b === undefined || a.length !== b.length || a.some((x, i) => !Object.is(x, b[i]))

function slot<T>(init: () => T): { i: number; value: T; fresh: boolean } {
  const i = cursor++
  const fresh = !(i in slots)
  if (fresh) slots[i] = init()
  return { i, value: slots[i] as T, fresh }
}

export function reactModule() {
  return {
    __esModule: true,
    useState<T>(init: T | (() => T)) {
      const s = slot(() => (typeof init === 'function' ? (init as () => T)() : init))
      const set = (v: T | ((prev: T) => T)) => {
        const next = typeof v === 'function' ? (v as (prev: T) => T)(slots[s.i] as T) : v
        if (!Object.is(next, slots[s.i])) dirty = true
        slots[s.i] = next
      }
      return [s.value, set] as const
    },
    useRef<T>(init: T) {
      return slot(() => ({ current: init })).value
    },
    useCallback<F>(fn: F, deps: Deps) {
      const s = slot(() => ({ fn, deps }))
      if (!s.fresh && changed(s.value.deps, deps)) slots[s.i] = { fn, deps }
      return (slots[s.i] as { fn: F }).fn
    },
    useMemo<T>(make: () => T, deps: Deps) {
      const s = slot(() => ({ value: make(), deps }))
      if (!s.fresh && changed(s.value.deps, deps)) slots[s.i] = { value: make(), deps }
      return (slots[s.i] as { value: T }).value
    },
    useEffect(run: () => void, deps: Deps) {
      const s = slot(() => ({ deps, first: true }))
      if (s.value.first || changed(s.value.deps, deps)) {
        slots[s.i] = { deps, first: false }
        effects.push(run)
      }
    },
  }
}

/** Renders `hook` once, runs its effects, and renders again as its state changes. */
export function renderHook<R>(hook: () => R) {
  slots = []
  dirty = false
  let result = render()
  function render(): R {
    cursor = 0
    const r = hook()
    const run = effects
    effects = []
    for (const e of run) e()
    return r
  }
  return {
    current: (): R => result,
    /** lets pending promises settle, then renders until the state stops changing */
    async settle(): Promise<R> {
      for (let n = 0; n < 20; n++) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        if (!dirty) return result
        dirty = false
        result = render()
      }
      throw new Error('the hook kept changing its state')
    },
  }
}
