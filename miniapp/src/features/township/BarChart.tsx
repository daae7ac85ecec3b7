import { Text, View } from '@tarojs/components'
import { barPercents, type Bar } from './barChart'
import './BarChart.scss'

/**
 * A horizontal bar chart drawn with plain views: the same on the WeChat mini program and in H5,
 * with no canvas and no chart library in the package, and every value also written out in text.
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
  const widths = barPercents(bars, max)
  return (
    <View className="xl-card bar-chart">
      <View className="bar-chart__title">{title}</View>
      {bars.length === 0 ? <View className="xl-muted">{empty ?? '暂无数据'}</View> : null}
      {bars.map((b, i) => (
        <View key={`${b.label}-${i}`} className="bar-chart__row">
          <Text className="bar-chart__label">{b.label}</Text>
          <View className="bar-chart__track">
            <View
              className={`bar-chart__bar${b.alert ? ' bar-chart__bar--alert' : ''}`}
              style={{ width: `${widths[i]}%` }}
            />
          </View>
          <Text className={`bar-chart__value${b.alert ? ' bar-chart__value--alert' : ''}`}>{b.text}</Text>
        </View>
      ))}
    </View>
  )
}
