/**
 * ECharts as the township dashboard draws with it: bar charts on a grid with a legend, drawn on a
 * canvas, and nothing else registered, so the package carries only these parts (about a third of
 * the whole library). Loaded by the township subpackage alone.
 */
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, GridComponent, LegendComponent, CanvasRenderer])

export { echarts }
export type { EChartsCoreOption as ChartOption } from 'echarts/core'
