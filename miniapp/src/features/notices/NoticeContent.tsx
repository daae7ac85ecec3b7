import { Text, View } from '@tarojs/components'
import {
  NOTICE_CATEGORY_LABELS,
  type FinanceLine,
  type FinanceTotals,
  type NoticeAttachmentView,
  type NoticeCategory,
  type NoticeState,
} from '@xiangli/shared'
import { formatTime } from '@/logic/format'
import { periodRange, periodStatus } from './noticePeriod'
import { Attachments } from './Attachments'
import { FinanceTable } from './FinanceTable'
import { NoticeStateTag } from './NoticeCard'
import './notice.scss'

export interface ShownContent {
  title: string
  body: string
  lines: FinanceLine[]
  totals: FinanceTotals | null
  attachments: NoticeAttachmentView[]
}

/** The text, the 收支明细 of a finance notice and the attachments of one version. */
export function ContentBody({ c, category }: { c: ShownContent; category: NoticeCategory }) {
  return (
    <>
      {c.body ? <View className="xl-notice-body__text">{c.body}</View> : null}
      {category === 'finance' ? <FinanceTable lines={c.lines} totals={c.totals} /> : null}
      <Attachments files={c.attachments} />
    </>
  )
}

/** 公示期 with the days left, as a coloured box under the title. */
export function PeriodBox({
  state,
  periodStart,
  periodEnd,
}: {
  state: NoticeState
  periodStart: string | null
  periodEnd: string | null
}) {
  if (!periodStart || !periodEnd) return null
  const p = { start: periodStart, end: periodEnd }
  if (state !== 'published' && state !== 'ended')
    return <View className="xl-notice-body__period">公示期：{periodRange(p)}</View>
  const s = periodStatus(p)
  const ended = state === 'ended' || s.phase === 'ended'
  return (
    <View
      className={`xl-notice-body__period${ended ? ' xl-notice-body__period--ended' : ''}${s.urgent && !ended ? ' xl-notice-body__period--urgent' : ''}`}
    >
      <View>公示期：{periodRange(p)}</View>
      <View>
        {ended ? '公示期已结束，公告仍可查看' : `${s.text}${s.phase === 'open' ? '，期间可以提出异议' : ''}`}
      </View>
    </View>
  )
}

/** A notice as read: head, period, content, the supervision committee's opinion. */
export function NoticeArticle({
  notice,
  shown,
}: {
  notice: {
    category: NoticeCategory
    state: NoticeState
    villageName: string
    publishedAt: string | null
    periodStart: string | null
    periodEnd: string | null
    supervisionOpinion: string | null
  }
  /** the version shown: the notice itself, or the published one on the share page */
  shown: ShownContent & { version: number }
}) {
  const { category, state, villageName, publishedAt, periodStart, periodEnd, supervisionOpinion } = notice
  return (
    <View className="xl-card xl-notice-body">
      <View className="xl-notice__head">
        <Text className="xl-notice__title">{shown.title}</Text>
        <NoticeStateTag state={state} />
      </View>
      <View className="xl-notice__tags">
        <Text className="xl-notice-tag">{NOTICE_CATEGORY_LABELS[category]}</Text>
        {shown.version > 1 ? (
          <Text className="xl-notice-tag xl-notice-tag--version">第 {shown.version} 版（已更正）</Text>
        ) : null}
      </View>
      <View className="xl-notice__meta">
        <Text>{villageName}</Text>
        {publishedAt ? <Text>{formatTime(publishedAt)} 发布</Text> : null}
      </View>
      <PeriodBox state={state} periodStart={periodStart} periodEnd={periodEnd} />
      <ContentBody c={shown} category={category} />
      {supervisionOpinion ? (
        <View className="xl-notice-body__opinion">
          <View className="xl-card__title">村务监督委员会意见</View>
          <View>{supervisionOpinion}</View>
        </View>
      ) : null}
    </View>
  )
}
