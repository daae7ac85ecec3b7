import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { useElderMode } from '@/store/elder'
import type { Bar } from './barChart'
import { barOption, chartHeight, yearsOption } from './chartOptions'
import { EChart } from './EChart'
import './BarChart.scss'

/**
 * A horizontal bar chart (ECharts, on the mini program's canvas and in H5), one bar per village, with
 * every figure also written out below it in words: a canvas is not read aloud, and an official
 * often needs the exact number.
 */
export function BarChart({
  title,
  bars,
  max,
  empty,
}: {
  title: string
  bars: Bar[]
  max?: number
  empty?: string
}) {
  const elder = useElderMode()
  const option = useMemo(() => barOption(bars, { elder, max }), [bars, elder, max])
  return (
    <View className="xl-card bar-chart">
      <View className="bar-chart__title">{title}</View>
      {bars.length === 0 ? (
        <View className="xl-muted">{empty ?? '暂无数据'}</View>
      ) : (
        <EChart option={option} height={chartHeight(bars.length, elder)} label={title} />
      )}
      {bars.map((b, i) => (
        <View key={`${b.label}-${i}`} className="bar-chart__row">
          <Text className="bar-chart__label">{b.label}</Text>
          <Text className={`bar-chart__value${b.alert ? ' bar-chart__value--alert' : ''}`}>{b.text}</Text>
        </View>
      ))}
    </View>
  )
}

/** Figures over the years: a group of bars per category, a bar per year, the rows in words below. */
export function YearsChart({
  title,
  categories,
  years,
  cells,
  unit,
  empty,
}: {
  title: string
  categories: string[]
  years: number[]
  cells: number[][]
  unit: string
  empty: string
}) {
  const elder = useElderMode()
  const option = useMemo(
    () => yearsOption(categories, years, cells, { elder }),
    [categories, years, cells, elder],
  )
  return (
    <View className="xl-card bar-chart">
      <View className="bar-chart__title">{title}</View>
      {categories.length === 0 ? (
        <View className="xl-muted">{empty}</View>
      ) : (
        <EChart
          option={option}
          height={chartHeight(categories.length * Math.max(1, years.length) * 0.6, elder, true)}
          label={title}
        />
      )}
      {categories.map((c, i) => (
        <View key={c} className="bar-chart__row">
          <Text className="bar-chart__label">{c}</Text>
          <Text className="bar-chart__value">
            {years.map((y, k) => `${y} 年 ${cells[i]?.[k] ?? 0} ${unit}`).join('，')}
          </Text>
        </View>
      ))}
    </View>
  )
}
