import { View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { echarts, type ChartOption } from './echarts'

let nextId = 0

type Chart = ReturnType<typeof echarts.init>

/** An ECharts chart in the browser: a box ECharts draws its canvas into, redrawn to the box's width. */
export function EChart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const id = useRef(`xl-chart-${++nextId}`).current
  const chart = useRef<Chart | null>(null)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    const box = document.getElementById(id)
    if (!box) return
    const c = echarts.init(box, undefined, { renderer: 'canvas' })
    chart.current = c
    c.setOption(latest.current)
    const resize = () => c.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      c.dispose()
      chart.current = null
    }
  }, [id])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  useEffect(() => {
    chart.current?.resize()
  }, [height])

  return (
    <View
      id={id}
      className="xl-chart"
      role="img"
      ariaLabel={label}
      style={{ width: '100%', height: `${height}px` }}
    />
  )
}
