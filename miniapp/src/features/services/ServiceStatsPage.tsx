import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { convenienceServiceRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import { useResource } from '@/hooks/useResource'
import { averageText, byVillage } from './service'
import './services.scss'

const recentYears = (now: number): number[] => [now, now - 1, now - 2]

/** 便民服务统计: per village and service, how many asked, done, overdue, and the average days to 办结. */
export function ServiceStatsPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const years = recentYears(new Date().getFullYear())
  const [year, setYear] = useState<number>(years[0]!)
  const stats = useResource(
    ctx.townshipId !== null
      ? () =>
          call(
            convenienceServiceRoutes.townshipStats,
            { params: { townshipId }, query: { year } },
            { toast: false },
          )
      : null,
    [ctx.townshipId, year],
  )
  usePullDownRefresh(() => void stats.reload().finally(() => Taro.stopPullDownRefresh()))
  const gate = townshipGate(ctx, '查看便民服务统计')
  if (gate) return <PageRoot>{gate}</PageRoot>

  let body
  if (stats.loading && !stats.data) body = <LoadingView />
  else if (!stats.data) body = <ErrorView error={stats.error} onRetry={() => void stats.reload()} />
  else if (stats.data.rows.length === 0)
    body = (
      <EmptyView
        title={`${stats.data.year} 年各村还没有办事申请`}
        description="村民在手机上申请办事后，这里按村、按事项统计。"
      />
    )
  else
    body = byVillage(stats.data).map((v) => (
      <View key={v.villageId} className="xl-card svc__village">
        <Text className="svc__title">{v.villageName}</Text>
        <View className="svc__meta">
          <Text>申请 {v.requested}</Text>
          <Text>办结 {v.done}</Text>
          <Text>超时 {v.overdue}</Text>
        </View>
        {v.rows.map((r) => (
          <View key={r.itemCode} className="svc__stats-row">
            <Text>{r.itemName}</Text>
            <Text className="svc__numbers">
              申请 {r.requested} · 办结 {r.done} · 超时 {r.overdue}
              {'\n'}平均 {averageText(r.averageDays)}
            </Text>
          </View>
        ))}
      </View>
    ))

  return (
    <PageRoot className="svc">
      <View className="xl-section-title">{ctx.townshipName} · 各村便民服务</View>
      <Chips
        scroll
        options={years.map((y) => ({ value: y, label: `${y} 年` }))}
        value={year}
        onChange={setYear}
      />
      {body}
    </PageRoot>
  )
}
