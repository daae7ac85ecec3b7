import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { echarts, type ChartOption } from './echarts'
import { WxCanvas, zrEvent, type CanvasNode } from '@/platform/wxCanvas'

let nextId = 0

type Chart = ReturnType<typeof echarts.init>
type Touch = { x: number; y: number }

/**
 * An ECharts chart on the mini program: a `<Canvas type="2d">` whose node ECharts draws on through
 * WxCanvas, at the phone's pixel ratio; a tap on a bar reaches ECharts as a click.
 */
export function EChart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const id = useRef(`xl-chart-${++nextId}`).current
  const chart = useRef<Chart | null>(null)

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
          // ECharts measures text on a canvas it makes itself; here it can only be this one
          echarts.setPlatformAPI({ createCanvas: () => canvas as unknown as HTMLCanvasElement })
          const dpr = Taro.getWindowInfo().pixelRatio
          chart.current = echarts.init(canvas as unknown as HTMLElement, undefined, {
            width: found.width,
            height: found.height,
            devicePixelRatio: dpr,
          })
          chart.current.setOption(option)
        })
    })
    return () => {
      gone = true
      chart.current?.dispose()
      chart.current = null
    }
  }, [id])

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
