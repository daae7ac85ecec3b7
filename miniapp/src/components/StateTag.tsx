import { Text } from '@tarojs/components'
import './StateTag.scss'

/** waiting for the village, being handled, answered or closed, stopped, or with the township */
export type StateTone = 'waiting' | 'working' | 'done' | 'stopped' | 'township'

/** The state of an issue, notice, objection or request, as a coloured tag. */
export function StateTag({ tone, label }: { tone: StateTone; label: string }) {
  return <Text className={`xl-state-tag xl-state-tag--${tone}`}>{label}</Text>
}
