import { Text, View } from '@tarojs/components'
import { pointsRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import './points.scss'

/** 积分超市: what the points buy; redemption is recorded at the village desk. */
export function PointsShopPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const shop = useResource(
    ctx.villageId !== null
      ? () => call(pointsRoutes.shop, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  useReshow(() => void shop.reload())
  const gate = residentGate(ctx, '积分超市')
  if (gate) return <PageRoot>{gate}</PageRoot>
  let body
  if (shop.loading && !shop.data) body = <LoadingView />
  else if (!shop.data) body = <ErrorView error={shop.error} onRetry={() => void shop.reload()} />
  else if (shop.data.filter((i) => i.active).length === 0)
    body = <EmptyView title="积分超市还没有物品" description="两委上架物品后会在这里显示。" />
  else
    body = shop.data
      .filter((i) => i.active)
      .map((i) => (
        <View key={i.id} className="xl-card points__item">
          <View className="points__rule-head">
            <Text className="points__item-name">{i.name}</Text>
            <Text className="points__rule-points">{i.cost} 分</Text>
          </View>
          <View className="points__meta">{i.stock > 0 ? `还有 ${i.stock} 件` : '暂时没货了'}</View>
        </View>
      ))
  return (
    <PageRoot className="points">
      <View className="xl-card points__note">想兑换的，请到村委会窗口，工作人员登记后当场领取。</View>
      {body}
    </PageRoot>
  )
}
