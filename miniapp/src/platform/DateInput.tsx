import { Picker, Text, View } from '@tarojs/components'
import { pickedLabel, type DateMode } from '@/logic/dates'
import './DateInput.scss'

export interface DateInputProps {
  mode: DateMode
  /** '2026-12-05', '19:30' or '2026-10'; '' when nothing is picked yet */
  value: string
  /** what the box says before anything is picked, e.g. 选择开会日期 */
  placeholder: string
  /** the earliest and latest that may be picked, in the same form as value */
  start?: string
  end?: string
  disabled?: boolean
  onChange: (value: string) => void
}

/**
 * A date, month or time is picked, never typed (weapp: WeChat's own picker wheel). The H5 build uses
 * DateInput.h5.tsx, the browser's own picker.
 */
export function DateInput({ mode, value, placeholder, start, end, disabled, onChange }: DateInputProps) {
  const box = (
    <View className={`xl-date-field${value ? '' : ' xl-date-field--empty'}`}>
      <Text className="xl-date-field__text">{value ? pickedLabel(mode, value) : placeholder}</Text>
      <Text className="xl-date-field__arrow">▾</Text>
    </View>
  )
  if (mode === 'time')
    return (
      <Picker
        mode="time"
        value={value}
        start={start}
        end={end}
        disabled={disabled}
        onChange={(e) => onChange(e.detail.value)}
      >
        {box}
      </Picker>
    )
  return (
    <Picker
      mode="date"
      fields={mode === 'month' ? 'month' : 'day'}
      value={value}
      start={start}
      end={end}
      disabled={disabled}
      onChange={(e) => onChange(e.detail.value)}
    >
      {box}
    </Picker>
  )
}
