/**
 * The mini program's chart path, run in Node: ECharts as WeChat loads it (it sees `wx` and no DOM),
 * drawing through WxCanvas onto the node a `<Canvas type="2d">` hands over. The 2D context here
 * records what is drawn, so the test sees the bars and their labels arrive on the canvas.
 */
import { measureTextOn, WxCanvas, zrEvent } from '@/platform/wxCanvas'

type Call = { name: string; args: unknown[] }

/** A CanvasRenderingContext2D that keeps every call and property it is given. */
function recordingContext(calls: Call[]) {
  const values: Record<string | symbol, unknown> = { font: '12px sans-serif', globalAlpha: 1 }
  return new Proxy(values, {
    get(target, prop) {
      if (prop in target) return target[prop]
      if (prop === 'measureText') {
        return (text: string) => ({ width: String(text).length * 12 })
      }
      if (typeof prop === 'symbol' || prop.startsWith('__')) return undefined
      return (...args: unknown[]) => {
        calls.push({ name: prop, args })
        return prop.startsWith('create') ? { addColorStop: () => undefined } : undefined
      }
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    },
  })
}

describe('a chart on the mini program canvas', () => {
  const g = globalThis as { wx?: unknown }
  beforeAll(() => {
    g.wx = { getSystemInfoSync: () => ({ pixelRatio: 2 }) }
  })
  afterAll(() => {
    delete g.wx
  })

  it('draws the bars and writes the labels through the canvas node', async () => {
    const { echarts } = await import('./echarts')
    const { barOption } = await import('./chartOptions')
    const calls: Call[] = []
    const ctx = recordingContext(calls)
    const node = { width: 0, height: 0, getContext: () => ctx }
    const canvas = new WxCanvas(node)
    // text is measured on another context, as the page does with an offscreen canvas
    const measured: string[] = []
    const offscreen = {
      font: '',
      measureText: (text: string) => {
        measured.push(`${offscreen.font}|${text}`)
        return { width: text.length * 12 }
      },
    }
    echarts.setPlatformAPI({
      createCanvas: () => canvas as unknown as HTMLCanvasElement,
      measureText: measureTextOn(offscreen),
    })
    const chart = echarts.init(canvas as unknown as HTMLElement, undefined, {
      width: 300,
      height: 120,
      devicePixelRatio: 2,
    })
    chart.setOption(
      barOption(
        [
          { label: '柳林村', value: 3, text: '3 件', alert: true },
          { label: '河口村', value: 1, text: '1 件' },
        ],
        { elder: false },
      ),
    )
    expect(measured.some((m) => m.endsWith('|柳林村') && /13px/.test(m))).toBe(true)
    // the canvas is sized in device pixels
    expect(node.width).toBe(600)
    expect(node.height).toBe(240)
    const texts = calls.filter((c) => c.name === 'fillText').map((c) => c.args[0])
    expect(texts).toEqual(expect.arrayContaining(['柳林村', '河口村', '3 件', '1 件']))
    // bars are filled shapes; the red one is the warning
    expect(calls.filter((c) => c.name === 'fill').length).toBeGreaterThanOrEqual(2)
    // a tap reaches ECharts' handler as a click on the chart
    const clicked = jest.fn()
    chart.getZr().on('click', clicked)
    const handler = chart.getZr().handler
    for (const name of ['mousedown', 'mouseup', 'click'] as const)
      handler.dispatch(name, zrEvent({ x: 150, y: 30 }))
    expect(clicked).toHaveBeenCalled()
    chart.dispose()
  })
})
