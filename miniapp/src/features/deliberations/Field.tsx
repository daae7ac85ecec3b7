import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './deliberation.scss'

/** A form field of the 议事 forms: the label above, what to fix under it (red). */
export function Field({
  label,
  error,
  children,
}: {
  label: string
  error?: string | undefined
  children: ReactNode
}) {
  return (
    <View className={`xl-delib-form__field${error ? ' xl-delib-form__field--bad' : ''}`}>
      <View className="xl-delib-form__label">{label}</View>
      {children}
      {error ? <View className="xl-delib-form__error">{error}</View> : null}
    </View>
  )
}

/** A box to tick: 已公布会议议题, 已把方案发给党员. */
export function Tick({
  on,
  onChange,
  children,
}: {
  on: boolean
  onChange: (on: boolean) => void
  children: ReactNode
}) {
  return (
    <View
      className={`xl-delib-form__check${on ? ' xl-delib-form__check--on' : ''}`}
      onClick={() => onChange(!on)}
    >
      <View className="xl-delib-form__box">{on ? '✓' : ''}</View>
      <View>{children}</View>
    </View>
  )
}
