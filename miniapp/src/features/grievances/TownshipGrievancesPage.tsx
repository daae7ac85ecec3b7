import { grievanceRoutes } from '@xiangli/shared'
import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { GrievanceSummary, TownshipGrievanceQuery, VillageGrievanceStats } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { GrievanceCard } from './GrievanceCard'
import { useKeysetList } from '@/hooks/usePagedList'
import { pageAfter } from './grievance'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { ROUTES, withQuery } from '@/routes'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import './TownshipGrievancesPage.scss'

type Scope = NonNullable<TownshipGrievanceQuery['scope']>

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'attention', label: '需要督办' },
  { value: 'escalated', label: '村里上报的' },
  { value: 'overdue', label: '超时未办的' },
]

const EMPTY: Record<Scope, string> = {
  attention: '各村没有上报或超时的事',
  escalated: '各村没有上报的事',
  overdue: '各村没有超时的事',
}

/** 乡镇督办: what the villages sent up or let run late, and how each village is doing. */
export function TownshipGrievancesPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const [scope, setScope] = useState<Scope>('attention')
  const [villageId, setVillageId] = useState<number | null>(null)
  const stats = useResource(
    ctx.townshipId !== null
      ? () => call(grievanceRoutes.townshipStats, { params: { townshipId } }, { toast: false })
      : null,
    [ctx.townshipId],
  )
  const list = useKeysetList<GrievanceSummary>(
    ctx.townshipId !== null
      ? (after) =>
          call(
            grievanceRoutes.townshipList,
            {
              params: { townshipId },
              query: { scope, ...pageAfter(after, 20), ...(villageId !== null ? { villageId } : {}) },
            },
            { toast: false },
          )
      : null,
    (g) => g.id,
    [ctx.townshipId, scope, villageId],
  )
  useReshow(() => {
    void list.reload()
    void stats.reload()
  })
  // the list refreshes itself on a pull (useKeysetList); the counts come along
  usePullDownRefresh(() => void stats.reload())

  const gate = townshipGate(ctx, '督办村民说事')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const body = (
    <PagedList list={list} empty={<EmptyView title={EMPTY[scope]} description="有新情况时会发消息给您。" />}>
      {(g) => (
        <GrievanceCard
          key={g.id}
          g={g}
          showVillage
          onOpen={() =>
            void Taro.navigateTo({ url: withQuery(ROUTES.townshipGrievance, { id: g.id, townshipId }) })
          }
        />
      )}
    </PagedList>
  )

  const villages = stats.data?.villages ?? []
  return (
    <PageRoot className="township">
      <View className="xl-section-title">{ctx.townshipName} · 各村办理情况</View>
      {stats.error && !stats.data ? (
        <View className="xl-card xl-danger-text xl-tap" onClick={() => void stats.reload()}>
          {stats.error.message}，点这里重试
        </View>
      ) : null}
      {villages.map((v) => (
        <VillageStats key={v.villageId} v={v} />
      ))}

      <View className="xl-section-title">要督办的事</View>
      <View className="township__filters">
        <Chips scroll options={SCOPES} value={scope} onChange={setScope} />
        {villages.length > 1 ? (
          <Chips
            scroll
            options={[
              { value: null, label: '全部村（社区）' },
              ...villages.map((v) => ({ value: v.villageId, label: v.villageName })),
            ]}
            value={villageId}
            onChange={setVillageId}
          />
        ) : null}
      </View>
      {body}
    </PageRoot>
  )
}

function VillageStats({ v }: { v: VillageGrievanceStats }) {
  return (
    <View className="xl-card township__village">
      <View className="township__village-name">{v.villageName}</View>
      <View className="township__numbers">
        <Figure label="未办结" value={v.open} />
        <Figure label="超时" value={v.overdue} bad={v.overdue > 0} />
        <Figure label="上报" value={v.escalated} bad={v.escalated > 0} />
        <Figure label="共" value={v.total} />
      </View>
      <View className="xl-muted">
        {v.averageHoursToAnswer !== null ? `平均 ${v.averageHoursToAnswer} 小时答复` : '还没有答复过'}
        {' · '}
        {v.satisfactionAverage !== null
          ? `满意度 ${v.satisfactionAverage} 分（${v.ratedCount} 人评价）`
          : '还没有评价'}
      </View>
    </View>
  )
}

function Figure({ label, value, bad = false }: { label: string; value: number; bad?: boolean }) {
  return (
    <View className="township__number">
      <Text className={`township__value${bad ? ' township__value--bad' : ''}`}>{value}</Text>
      <Text className="township__label">{label}</Text>
    </View>
  )
}
