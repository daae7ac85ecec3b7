/**
 * What ECharts needs of a canvas, over the node a WeChat `<Canvas type="2d">` hands over: ECharts
 * reads `getContext('2d')`, sets and reads the size, and attaches events (the page forwards touches
 * itself, see `forwardTouch`). The same adapter as Apache ECharts' own echarts-for-weixin (ec-canvas).
 */
export interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

export class WxCanvas {
  constructor(private readonly node: CanvasNode) {}

  getContext(kind: string): unknown {
    return kind === '2d' ? this.node.getContext('2d') : null
  }

  get width(): number {
    return this.node.width
  }

  set width(w: number) {
    this.node.width = w
  }

  get height(): number {
    return this.node.height
  }

  set height(h: number) {
    this.node.height = h
  }

  // ECharts attaches DOM listeners; a mini program canvas has none, touches come through the page
  addEventListener(): void {}
  removeEventListener(): void {}
  attachEvent(): void {}
  detachEvent(): void {}
}

/** A touch on the canvas as ECharts' handler takes it (x, y within the canvas). */
export function zrEvent(touch: { x: number; y: number }) {
  const noop = () => undefined
  return {
    zrX: touch.x,
    zrY: touch.y,
    preventDefault: noop,
    stopImmediatePropagation: noop,
    stopPropagation: noop,
  }
}

interface TextContext {
  font: string
  measureText(text: string): { width: number }
}

/**
 * ECharts' text measuring, on a 2D context of our choosing. Left alone, ECharts keeps the context of
 * the first canvas it was given for ever, and on the mini program that canvas goes with its page.
 */
export function measureTextOn(ctx: TextContext) {
  return (text: string, font?: string) => {
    ctx.font = font || '12px sans-serif'
    return ctx.measureText(text)
  }
}
