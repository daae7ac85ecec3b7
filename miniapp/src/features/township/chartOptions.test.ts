import { barOption, chartHeight, chartSizes, yearsOption } from './chartOptions'

const bar = (label: string, value: number, alert = false) => ({ label, value, text: `${value} 件`, alert })

describe('the dashboard charts', () => {
  it('draws one bar per village, the first village on top, warnings in red', () => {
    const o = barOption([bar('柳林村', 3, true), bar('河口村', 0)], { elder: false }) as any
    // ECharts draws a category axis from the bottom: the list is reversed so it reads top-down
    expect(o.yAxis.data).toEqual(['河口村', '柳林村'])
    expect(o.series[0].data.map((d: any) => d.value)).toEqual([0, 3])
    expect(o.series[0].data[1].itemStyle.color).toBe('#c4382a')
    expect(o.series[0].data[0].itemStyle.color).toBe('#2b7a4b')
    // each bar is labelled with the figure as the list writes it
    expect(o.series[0].label.formatter({ dataIndex: 1 })).toBe('3 件')
  })

  it('keeps a rating on its fixed scale out of 5', () => {
    const o = barOption([bar('柳林村', 4.5)], { elder: false, max: 5 }) as any
    expect(o.xAxis.max).toBe(5)
  })

  it('writes larger in 长辈模式 and grows the canvas with it', () => {
    expect(chartSizes(true).font).toBeGreaterThanOrEqual(18)
    expect(chartHeight(3, true)).toBeGreaterThan(chartHeight(3, false))
    const o = barOption([bar('柳林村', 1)], { elder: true }) as any
    expect(o.yAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(18)
    expect(o.series[0].label.fontSize).toBeGreaterThanOrEqual(18)
  })

  it('draws figures over the years as a bar per year, named in the legend', () => {
    const o = yearsOption(
      ['柳林村', '河口村'],
      [2024, 2025, 2026],
      [
        [1, 2, 3],
        [0, 0, 7],
      ],
      {
        elder: false,
      },
    ) as any
    expect(o.series.map((s: any) => s.name)).toEqual(['2024 年', '2025 年', '2026 年'])
    expect(o.yAxis.data).toEqual(['河口村', '柳林村'])
    expect(o.series[2].data).toEqual([7, 3])
    expect(o.color).toHaveLength(3)
  })

  it('leaves room for the legend', () => {
    expect(chartHeight(2, false, true)).toBeGreaterThan(chartHeight(2, false))
  })
})
