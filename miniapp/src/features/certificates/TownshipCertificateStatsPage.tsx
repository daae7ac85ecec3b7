import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { certificateRoutes, type CertificateStats } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { statsYears, totalIssued, trendOf } from './certificateStats'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import './TownshipCertificateStatsPage.scss'

/** 证明统计: how many certificates the villages issued in a year, and whether it went down. */
export function TownshipCertificateStatsPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const years = statsYears(new Date().getFullYear())
  const [year, setYear] = useState<number>(years[0]!)
  const statsOf = (y: number) =>
    call(certificateRoutes.townshipStats, { params: { townshipId }, query: { year: y } }, { toast: false })
  const stats = useResource(ctx.townshipId !== null ? () => statsOf(year) : null, [ctx.townshipId, year])
  // the API answers one year at a time; the year before is asked for separately, for the comparison
  const previous = useResource(ctx.townshipId !== null && year - 1 >= 2000 ? () => statsOf(year - 1) : null, [
    ctx.townshipId,
    year,
  ])
  usePullDownRefresh(() => {
    void Promise.all([stats.reload(), previous.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = townshipGate(ctx, '查看证明统计')
  if (gate) return <PageRoot>{gate}</PageRoot>

  let body
  if (stats.loading && !stats.data) body = <LoadingView />
  else if (stats.error && !stats.data)
    body = <ErrorView error={stats.error} onRetry={() => void stats.reload()} />
  else if (stats.data) body = <StatsBody stats={stats.data} previous={previous.data} />

  return (
    <PageRoot className="cert-stats">
      <View className="xl-section-title">{ctx.townshipName} · 各村开证明情况</View>
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

function StatsBody({ stats, previous }: { stats: CertificateStats; previous: CertificateStats | null }) {
  const total = totalIssued(stats)
  const trend = trendOf(total, previous ? totalIssued(previous) : null)
  return (
    <>
      <View className="xl-card cert-stats__total">
        <Text className="cert-stats__value">{total}</Text>
        <Text className="cert-stats__label">{stats.year} 年各村共开证明（份）</Text>
        {trend.text ? (
          <Text className={`cert-stats__trend cert-stats__trend--${trend.trend}`}>{trend.text}</Text>
        ) : null}
      </View>

      {stats.villages.length === 0 ? (
        <EmptyView title={`${stats.year} 年各村没有开过证明`} description="少开证明，就是少让群众跑腿。" />
      ) : (
        stats.villages.map((v) => (
          <View key={v.villageId} className="xl-card">
            <View className="cert-stats__village-name">
              {v.villageName} · 共 {v.issued} 份{v.revoked > 0 ? `（作废 ${v.revoked} 份）` : ''}
            </View>
            {v.items.map((i) => (
              <View key={i.itemCode} className="cert-stats__row">
                <Text>{i.itemName}</Text>
                <Text>
                  {i.issued} 份{i.revoked > 0 ? `，作废 ${i.revoked}` : ''}
                </Text>
              </View>
            ))}
          </View>
        ))
      )}

      {stats.items.length > 0 ? (
        <>
          <View className="xl-section-title">按事项</View>
          <View className="xl-card">
            {stats.items.map((i) => (
              <View key={i.itemCode} className="cert-stats__row">
                <Text>{i.itemName}</Text>
                <Text>{i.issued} 份</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </>
  )
}
