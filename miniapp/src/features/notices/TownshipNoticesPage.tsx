import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { noticeRoutes, type ObjectionView, type TownshipObjectionQuery } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { ObjectionCard } from './ObjectionCard'
import { usePagedList } from '@/hooks/usePagedList'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { calendarGroups, complianceLine, sortByCompliance } from './notice'
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
  const calendar = useResource(
    ctx.townshipId !== null
      ? () => call(noticeRoutes.townshipCalendar, { params: { townshipId } }, { toast: false })
      : null,
    [ctx.townshipId],
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
    void calendar.reload()
    if (tab !== 'calendar') void list.reload()
  })
  usePullDownRefresh(() => {
    void calendar.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = townshipGate(ctx, '村务公开督办')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const openNotice = (noticeId: number, villageId: number) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.townshipNotice, { id: noticeId, villageId, townshipId }) })

  let body
  if (tab === 'calendar') {
    if (!calendar.data) body = <Pending resource={calendar} />
    else if (calendar.data.villages.length === 0) body = <EmptyView title="没有下辖的村（社区）" />
    else
      body = sortByCompliance(calendar.data.villages).map((v) => {
        const line = complianceLine(v)
        const pressing = calendarGroups(v.items)
          .flatMap((g) => g.rows)
          .filter((r) => r.status === 'overdue' || r.status === 'due')
        return (
          <View key={v.villageId} className="xl-card">
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
      })
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
