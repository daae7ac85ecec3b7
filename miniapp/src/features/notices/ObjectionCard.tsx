import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { proxyLineText, type ObjectionView } from '@xiangli/shared'
import { StateTag } from '@/components/StateTag'
import { formatTime } from '@/logic/format'
import { objectionDeadline, objectionStateLabel, objectionTone } from './notice'
import { PhotoGrid } from '@/components/Photos'
import { ModerationNote } from '@/features/content-check/ModerationNote'
import './notice.scss'

/** An objection with the committee's (and the township's) answer; the page adds its buttons below. */
export function ObjectionCard({
  o,
  showNotice = false,
  onOpenNotice,
  children,
}: {
  o: ObjectionView
  showNotice?: boolean
  onOpenNotice?: () => void
  children?: ReactNode
}) {
  const due = objectionDeadline(o)
  return (
    <View className={`xl-card xl-objection${due?.overdue ? ' xl-objection--overdue' : ''}`}>
      <View className="xl-objection__head">
        <Text className="xl-objection__who">{o.mine ? '我的异议' : `${o.objectorName} 的异议`}</Text>
        <StateTag tone={objectionTone(o.state)} label={objectionStateLabel(o.state)} />
      </View>
      {o.proxy ? <View className="xl-muted xl-objection__proxy">{proxyLineText(o.proxy)}</View> : null}
      {showNotice ? (
        <View className="xl-muted xl-tap xl-tap--line" onClick={onOpenNotice}>
          关于：{o.noticeTitle}（{o.villageName}）
        </View>
      ) : null}
      <ModerationNote m={o.moderation} />
      <View className="xl-objection__text">{o.text}</View>
      <PhotoGrid urls={o.photoUrls} />
      <View className="xl-notice__meta">
        <Text>{formatTime(o.submittedAt)} 提出</Text>
        {due ? (
          <Text className={due.overdue ? 'xl-objection__late' : ''}>
            {due.overdue ? '⚠ ' : ''}
            {due.text}
          </Text>
        ) : null}
      </View>
      {o.answer ? (
        <View className="xl-objection__answer">
          <View className="xl-objection__answer-label">
            村委会答复{o.answeredByName ? `（${o.answeredByName}）` : ''}
            {o.answeredAt ? ` · ${formatTime(o.answeredAt)}` : ''}
          </View>
          {o.answerModeration ? <ModerationNote m={o.answerModeration} /> : null}
          <View className="xl-objection__text">{o.answer}</View>
          <PhotoGrid urls={o.answerPhotoUrls} />
        </View>
      ) : null}
      {o.escalationReason ? (
        <View className="xl-objection__answer">
          <View className="xl-objection__answer-label">
            已反映到乡镇{o.escalatedAt ? ` · ${formatTime(o.escalatedAt)}` : ''}
          </View>
          <View className="xl-objection__text">{o.escalationReason}</View>
        </View>
      ) : null}
      {o.townshipAnswer ? (
        <View className="xl-objection__answer">
          <View className="xl-objection__answer-label">
            乡镇答复{o.townshipAnsweredAt ? ` · ${formatTime(o.townshipAnsweredAt)}` : ''}
          </View>
          <View className="xl-objection__text">{o.townshipAnswer}</View>
        </View>
      ) : null}
      {o.state === 'accepted' ? (
        <View className="xl-muted">
          提出人已认可答复{o.acceptedAt ? `（${formatTime(o.acceptedAt)}）` : ''}
        </View>
      ) : null}
      {children}
    </View>
  )
}
