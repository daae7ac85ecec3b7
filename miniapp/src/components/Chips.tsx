import { ScrollView, View } from '@tarojs/components'
import './Chips.scss'

export interface Chip<T> {
  value: T
  label: string
}

/**
 * One choice out of a few, as large tappable chips: categories, filters, who can see an issue. A row
 * scrolls sideways when `scroll` is set (filters), otherwise the chips wrap (forms).
 */
export function Chips<T extends string | number | null>({
  options,
  value,
  onChange,
  scroll = false,
  className,
}: {
  options: readonly Chip<T>[]
  value: T
  onChange: (value: T) => void
  scroll?: boolean
  className?: string
}) {
  const chips = options.map((o) => (
    <View
      key={String(o.value)}
      className={`xl-chip${o.value === value ? ' xl-chip--on' : ''}`}
      onClick={() => onChange(o.value)}
    >
      {o.label}
    </View>
  ))
  const cls = `xl-chips${scroll ? ' xl-chips--scroll' : ''}${className ? ` ${className}` : ''}`
  return scroll ? (
    <ScrollView scrollX className={cls} enhanced showScrollbar={false}>
      <View className="xl-chips__row">{chips}</View>
    </ScrollView>
  ) : (
    <View className={cls}>{chips}</View>
  )
}
