import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { echarts, type ChartOption } from './echarts'
import { measureTextOn, WxCanvas, zrEvent, type CanvasNode } from '@/platform/wxCanvas'

let nextId = 0

type Chart = ReturnType<typeof echarts.init>
type Touch = { x: number; y: number }
type TextContext = Parameters<typeof measureTextOn>[0]

/** A 2D context to measure text on: an offscreen canvas where WeChat has them, else the chart's own. */
function textContext(node: CanvasNode): TextContext {
  const make = (Taro as unknown as { createOffscreenCanvas?: (o: { type: '2d' }) => CanvasNode })
    .createOffscreenCanvas
  const off = typeof make === 'function' ? make({ type: '2d' }) : null
  return (off ?? node).getContext('2d') as TextContext
}

/**
 * An ECharts chart on the mini program: a `<Canvas type="2d">` whose node ECharts draws on through
 * WxCanvas, at the phone's pixel ratio; a tap on a bar reaches ECharts as a click.
 */
export function EChart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const id = useRef(`xl-chart-${++nextId}`).current
  const chart = useRef<Chart | null>(null)
  // the options as they are when the canvas is ready (it is found after the render)
  const latest = useRef(option)
  latest.current = option

  // drawn afresh when the canvas changes height (a village more or less)
  useEffect(() => {
    let gone = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node: CanvasNode; width: number; height: number }[]) => {
          const found = res?.[0]
          if (gone || !found?.node) return
          const canvas = new WxCanvas(found.node)
          // ECharts makes canvases of its own in a browser; here it can only have this one, and it
          // measures text on an offscreen canvas that outlives the page (or on this one, if older
          // WeChat has none)
          echarts.setPlatformAPI({
            createCanvas: () => canvas as unknown as HTMLCanvasElement,
            measureText: measureTextOn(textContext(found.node)),
          })
          const dpr = Taro.getWindowInfo().pixelRatio
          chart.current = echarts.init(canvas as unknown as HTMLElement, undefined, {
            width: found.width,
            height: found.height,
            devicePixelRatio: dpr,
          })
          chart.current.setOption(latest.current)
        })
    })
    return () => {
      gone = true
      chart.current?.dispose()
      chart.current = null
    }
  }, [id, height])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  const dispatch = (name: 'mousedown' | 'mousemove' | 'mouseup' | 'click', touches: Touch[]) => {
    const t = touches[0]
    if (chart.current && t) chart.current.getZr().handler.dispatch(name, zrEvent(t))
  }
  return (
    <Canvas
      type="2d"
      id={id}
      canvasId={id}
      aria-label={label}
      style={{ width: '100%', height: `${height}px` }}
      onTouchStart={(e) => {
        dispatch('mousedown', e.touches as unknown as Touch[])
        dispatch('mousemove', e.touches as unknown as Touch[])
      }}
      onTouchEnd={(e) => {
        dispatch('mouseup', e.changedTouches as unknown as Touch[])
        dispatch('click', e.changedTouches as unknown as Touch[])
      }}
    />
  )
}
