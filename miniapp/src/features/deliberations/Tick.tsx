import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './deliberation.scss'

/** A box to tick: 已公布会议议题, 已把方案发给党员, the matter type of a new deliberation. */
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
      className={`xl-delib-form__check xl-tap${on ? ' xl-delib-form__check--on' : ''}`}
      onClick={() => onChange(!on)}
    >
      <View className="xl-delib-form__box">{on ? '✓' : ''}</View>
      <View>{children}</View>
    </View>
  )
}
