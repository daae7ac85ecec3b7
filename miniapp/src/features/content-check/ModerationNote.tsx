import { View } from '@tarojs/components'
import type { ModerationView } from '@xiangli/shared'
import { StateTag } from '@/components/StateTag'
import { moderationBadge } from './moderation'
import './ContentReviewPage.scss'

/** On the writer's own item (and for the 两委): that others cannot see it yet, and why. */
export function ModerationNote({ m }: { m: ModerationView }) {
  const badge = moderationBadge(m)
  if (!badge) return null
  return (
    <View className="xl-moderation">
      <StateTag tone={badge.tone} label={badge.label} />
      <View className="xl-moderation__note">{badge.note}</View>
    </View>
  )
}
