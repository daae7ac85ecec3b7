import { Text, View } from '@tarojs/components'
import { pointsRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import './points.scss'

/** 积分排行, when the village shows it: households by points earned, heads' names masked. */
export function PointsRankingPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const ranking = useResource(
    ctx.villageId !== null
      ? () => call(pointsRoutes.ranking, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const gate = residentGate(ctx, '积分排行')
  if (gate) return <PageRoot>{gate}</PageRoot>
  let body
  if (ranking.loading && !ranking.data) body = <LoadingView />
  else if (!ranking.data) body = <ErrorView error={ranking.error} onRetry={() => void ranking.reload()} />
  else if (!ranking.data.enabled)
    body = <EmptyView title="村里没有公开积分排行" description="是否公开排行由两委决定。" />
  else if (ranking.data.rows.length === 0) body = <EmptyView title="还没有人得积分" />
  else
    body = (
      <View className="xl-card">
        {ranking.data.rows.map((r) => (
          <View key={r.householdId} className="points__rank">
            <Text className="points__rank-no">第 {r.rank} 名</Text>
            <Text className="points__rank-name">{r.name} 家</Text>
            <Text className="points__rule-points">{r.points} 分</Text>
          </View>
        ))}
      </View>
    )
  return (
    <PageRoot className="points">
      <View className="xl-card points__note">
        按户排，只算得到的积分（兑换用掉的不扣）；积分相同的名次相同。
      </View>
      {body}
    </PageRoot>
  )
}
