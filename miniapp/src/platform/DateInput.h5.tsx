import { View } from '@tarojs/components'
import type { DateInputProps } from './DateInput'
import './DateInput.scss'

export type { DateInputProps } from './DateInput'

/**
 * H5: the browser's own date, month or time picker (a wheel on phones), on an input nobody types
 * into. The value is the same string as on weapp ('2026-12-05', '19:30', '2026-10').
 */
export function DateInput({ mode, value, placeholder, start, end, disabled, onChange }: DateInputProps) {
  return (
    <View className={`xl-date-field${value ? '' : ' xl-date-field--empty'}`}>
      <input
        className="xl-date-field__native"
        type={mode}
        value={value}
        min={start}
        max={end}
        disabled={disabled}
        placeholder={placeholder}
        aria-label={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </View>
  )
}
