import type { ChartOption } from './echarts'
import type { Bar } from './barChart'

/** colours of the app (src/app.scss): the primary green, the danger red, and grey for the axis */
const GREEN = '#2b7a4b'
const RED = '#c4382a'
const TEXT = '#1d1f23'
const YEAR_COLOURS = ['#9cc5ab', '#5a9e74', '#2b7a4b', '#174a2c']

/** Sizes in px for the chart's text and bars: larger in 长辈模式, as the rest of the page is. */
export function chartSizes(elder: boolean) {
  return elder ? { font: 18, bar: 28, row: 48 } : { font: 13, bar: 18, row: 34 }
}

/** The canvas height that fits `rows` categories (and a legend when there is one). */
export function chartHeight(rows: number, elder: boolean, legend = false): number {
  const s = chartSizes(elder)
  return Math.max(1, rows) * s.row + (legend ? s.row + 8 : 0) + 16
}

/**
 * One horizontal bar per village: the value written at the bar's end, a bar in red where the figure
 * is a warning (overdue, not published). `max` fixes the scale (a rating out of 5).
 */
export function barOption(bars: readonly Bar[], opts: { elder: boolean; max?: number }): ChartOption {
  const s = chartSizes(opts.elder)
  // the first village on top, as the list reads
  const rows = [...bars].reverse()
  // each figure is written just after its bar, in room kept on the right for the longest one
  const longest = Math.max(0, ...bars.map((b) => b.text.length))
  return {
    animation: false,
    grid: { left: 8, right: Math.min(200, longest * s.font + 12), top: 8, bottom: 8 },
    xAxis: { type: 'value', max: opts.max, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { fontSize: s.font, color: TEXT, width: opts.elder ? 120 : 96, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barWidth: s.bar,
        data: rows.map((b) => ({ value: b.value, itemStyle: { color: b.alert ? RED : GREEN } })),
        label: {
          show: true,
          position: 'right',
          fontSize: s.font,
          color: TEXT,
          formatter: ({ dataIndex }: { dataIndex: number }) => rows[dataIndex]?.text ?? '',
        },
        showBackground: true,
        backgroundStyle: { color: '#f0f2f5' },
      },
    ],
  }
}

/**
 * Figures over the years: one group of bars per category (a village, an item), one bar per year,
 * the years in the legend. `cells[i][k]` is category i in year k.
 */
export function yearsOption(
  categories: readonly string[],
  years: readonly number[],
  cells: readonly (readonly number[])[],
  opts: { elder: boolean },
): ChartOption {
  const s = chartSizes(opts.elder)
  const order = categories.map((_, i) => i).reverse()
  return {
    animation: false,
    color: YEAR_COLOURS.slice(-years.length),
    legend: { top: 0, textStyle: { fontSize: s.font, color: TEXT }, itemWidth: s.font, itemHeight: s.font },
    grid: { left: 8, right: 48, top: s.row, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: s.font, color: TEXT } },
    yAxis: {
      type: 'category',
      data: order.map((i) => categories[i]),
      axisTick: { show: false },
      axisLabel: { fontSize: s.font, color: TEXT, width: opts.elder ? 120 : 96, overflow: 'truncate' },
    },
    series: years.map((year, k) => ({
      type: 'bar',
      name: `${year} 年`,
      data: order.map((i) => cells[i]?.[k] ?? 0),
      label: { show: true, position: 'right', fontSize: s.font - 2, color: TEXT },
    })),
  }
}
