import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import {
  noticeRoutes,
  type ObjectionView,
  type TownshipCalendarSummary,
  type TownshipObjectionQuery,
  type TownshipVillageCalendar,
} from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { ObjectionCard } from './ObjectionCard'
import { useKeysetList, usePagedList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { calendarGroups, complianceLine } from './notice'
import {
  CALENDAR_FILTERS,
  calendarPage,
  calendarQuery,
  summaryLine,
  type CalendarFilter,
} from './townshipCalendar'
import { ROUTES, withQuery } from '@/routes'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import './TownshipNoticesPage.scss'

type Tab = 'calendar' | NonNullable<TownshipObjectionQuery['scope']>
const TABS: { value: Tab; label: string }[] = [
  { value: 'calendar', label: '各村公开情况' },
  { value: 'attention', label: '要关注的异议' },
  { value: 'overdue', label: '超时未答复' },
  { value: 'escalated', label: '村民反映到乡镇' },
]

/**
 * 村务公开督办 (组织法 Art 30–31): whether each village publishes on time, and the objections its
 * committee left unanswered or the residents brought to the township.
 */
export function TownshipNoticesPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const [tab, setTab] = useState<Tab>('calendar')
  const [filter, setFilter] = useState<CalendarFilter>('all')
  // the township-wide counts come with the first page; later pages keep them
  const [summary, setSummary] = useState<TownshipCalendarSummary | null>(null)
  const summaryRef = useRef<TownshipCalendarSummary | null>(null)
  const villages = useKeysetList<TownshipVillageCalendar>(
    ctx.townshipId !== null && tab === 'calendar'
      ? async (after) => {
          const answer = await call(
            noticeRoutes.townshipCalendar,
            { params: { townshipId }, query: calendarQuery(after, filter) },
            { toast: false },
          )
          if (answer.summary) {
            summaryRef.current = answer.summary
            setSummary(answer.summary)
          }
          return calendarPage(answer, filter, summaryRef.current)
        }
      : null,
    (v) => v.villageId,
    [ctx.townshipId, tab, filter],
  )
  const list = usePagedList<ObjectionView>(
    ctx.townshipId !== null && tab !== 'calendar'
      ? (page) =>
          call(
            noticeRoutes.townshipObjections,
            { params: { townshipId }, query: { page, pageSize: 20, scope: tab } },
            { toast: false },
          )
      : null,
    (o) => o.id,
    [ctx.townshipId, tab],
  )
  useReshow(() => {
    void (tab === 'calendar' ? villages.reload() : list.reload())
  })

  const gate = townshipGate(ctx, '村务公开督办')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const openNotice = (noticeId: number, villageId: number) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.townshipNotice, { id: noticeId, villageId, townshipId }) })

  let body
  if (tab === 'calendar') {
    const top = summary ? summaryLine(summary) : null
    body = (
      <>
        {top ? (
          <View className={`xl-card tnotices__summary${top.ok ? '' : ' tnotices__line--bad'}`}>
            {top.text}
          </View>
        ) : null}
        <Chips options={CALENDAR_FILTERS} value={filter} onChange={setFilter} />
        <PagedList
          list={villages}
          empty={
            filter === 'overdue' ? (
              <EmptyView title="没有逾期未公开的村（社区）" />
            ) : (
              <EmptyView title="没有下辖的村（社区）" />
            )
          }
        >
          {(v) => <VillageCard key={v.villageId} v={v} />}
        </PagedList>
      </>
    )
  } else
    body = (
      <PagedList
        list={list}
        empty={
          <EmptyView
            title="没有要关注的异议"
            description="各村超时未答复、或村民反映到乡镇的异议会出现在这里。"
          />
        }
        title={`共 ${list.total} 件`}
      >
        {(o) => (
          <ObjectionCard key={o.id} o={o} showNotice onOpenNotice={() => openNotice(o.noticeId, o.villageId)}>
            <View className="tnotices__row xl-tap" onClick={() => openNotice(o.noticeId, o.villageId)}>
              查看公告{o.state === 'escalated' ? '并答复' : ''} ›
            </View>
          </ObjectionCard>
        )}
      </PagedList>
    )

  return (
    <PageRoot className="tnotices">
      <Chips options={TABS} value={tab} onChange={setTab} scroll />
      {body}
    </PageRoot>
  )
}

/** One village: its line (逾期 2 项 · 待公开 1 项 …) and the items still due or overdue. */
function VillageCard({ v }: { v: TownshipVillageCalendar }) {
  const line = complianceLine(v)
  const pressing = calendarGroups(v.items)
    .flatMap((g) => g.rows)
    .filter((r) => r.status === 'overdue' || r.status === 'due')
  return (
    <View className="xl-card">
      <View className="tnotices__village">
        <View className="xl-card__title">{v.villageName}</View>
      </View>
      <View className={`tnotices__line${line.ok ? '' : ' tnotices__line--bad'}`}>{line.text}</View>
      {pressing.map((r) => (
        <View key={r.key} className={`tnotices__row${r.status === 'overdue' ? ' tnotices__late' : ''}`}>
          {r.label}：{r.statusLabel}，{r.note}
        </View>
      ))}
    </View>
  )
}
