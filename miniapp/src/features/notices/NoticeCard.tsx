import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { NOTICE_CATEGORY_LABELS, type NoticeState, type NoticeSummary } from '@xiangli/shared'
import { StateTag } from '@/components/StateTag'
import { formatTime } from '@/logic/format'
import { noticeStateLabel, noticeTone } from './notice'
import { periodStatus } from './noticePeriod'
import './notice.scss'

export function NoticeStateTag({ state }: { state: NoticeState }) {
  return <StateTag tone={noticeTone(state)} label={noticeStateLabel(state)} />
}

/** The period of a published notice in a few words, e.g. 公示中，还剩 3 天. */
export function periodLine(n: Pick<NoticeSummary, 'state' | 'periodStart' | 'periodEnd'>) {
  if ((n.state !== 'published' && n.state !== 'ended') || !n.periodStart || !n.periodEnd) return null
  return periodStatus({ start: n.periodStart, end: n.periodEnd })
}

/**
 * One notice in a list: category, pinned, unread dot, how long it is still open for objections.
 * `showState` for the committee's list, where drafts and reviews appear too.
 */
export function NoticeCard({
  n,
  onOpen,
  showState = false,
  children,
}: {
  n: NoticeSummary
  onOpen: () => void
  showState?: boolean
  children?: ReactNode
}) {
  const period = periodLine(n)
  return (
    <View className={`xl-card xl-notice${n.unread ? ' xl-notice--unread' : ''}`}>
      <View className="xl-notice__open xl-tap xl-tap--line" onClick={onOpen}>
        <View className="xl-notice__head">
          <Text className="xl-notice__title">{n.title}</Text>
          {showState ? <NoticeStateTag state={n.state} /> : null}
        </View>
        <View className="xl-notice__tags">
          {n.pinned ? <Text className="xl-notice-tag xl-notice-tag--pinned">置顶</Text> : null}
          <Text className="xl-notice-tag">{NOTICE_CATEGORY_LABELS[n.category]}</Text>
          {n.requiresAck ? <Text className="xl-notice-tag xl-notice-tag--ack">请确认已阅</Text> : null}
          {n.version > 1 ? (
            <Text className="xl-notice-tag xl-notice-tag--version">已更正 {n.version - 1} 次</Text>
          ) : null}
          {n.unread ? <Text className="xl-notice-tag xl-notice-tag--pinned">未读</Text> : null}
        </View>
        {n.excerpt ? <View className="xl-notice__excerpt">{n.excerpt}</View> : null}
        <View className="xl-notice__meta">
          {n.publishedAt ? <Text>{formatTime(n.publishedAt)} 发布</Text> : <Text>未发布</Text>}
          {period ? <Text className={period.urgent ? 'xl-notice__urgent' : ''}>{period.text}</Text> : null}
          {n.objectionCount > 0 ? <Text>异议 {n.objectionCount} 件</Text> : null}
        </View>
      </View>
      {children}
    </View>
  )
}
