import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { pointsRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { Ledger } from './Ledger'
import { pointsPage } from './points'
import './points.scss'

/** 我家积分: the household's balance and every entry with what earned it; links to the rules, shop, ranking. */
export function PointsHomePage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const overview = useResource(
    ctx.villageId !== null
      ? () => call(pointsRoutes.overview, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const hasHousehold = overview.data?.myHouseholdId != null
  const mine = useResource(
    hasHousehold ? () => call(pointsRoutes.mine, { params: { villageId } }, { toast: false }) : null,
    [ctx.villageId, hasHousehold],
  )
  useReshow(() => {
    void overview.reload()
    if (hasHousehold) void mine.reload()
  })
  const gate = residentGate(ctx, '积分', {
    title: '实名认证后才能查看积分',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能看到您家的积分。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  const go = (page: Parameters<typeof pointsPage>[0]) =>
    void Taro.navigateTo({ url: pointsPage(page, villageId) })

  if (!overview.data)
    return (
      <PageRoot>
        {overview.error ? (
          <ErrorView error={overview.error} onRetry={() => void overview.reload()} />
        ) : (
          <LoadingView />
        )}
      </PageRoot>
    )
  const o = overview.data
  const bench = o.committee ? (
    <View className="points__actions">
      <Button type="primary" size="large" block onClick={() => go('desk')}>
        积分管理（奖励、兑换）
      </Button>
    </View>
  ) : null
  if (!o.rules)
    return (
      <PageRoot className="points">
        <EmptyView
          title="村里还没有实行积分制"
          description="两委公布积分规则后，参加会议、提意见等就能得积分。"
        />
        {o.committee ? (
          <View className="points__actions">
            <Button type="primary" size="large" block onClick={() => go('manage')}>
              制定积分规则
            </Button>
          </View>
        ) : null}
      </PageRoot>
    )

  let ledger
  if (!hasHousehold)
    ledger = <EmptyView title="花名册上没有您家" description="积分按户记，您在花名册上登记后就能看到。" />
  else if (mine.loading && !mine.data) ledger = <LoadingView />
  else if (!mine.data) ledger = <ErrorView error={mine.error} onRetry={() => void mine.reload()} />
  else
    ledger = (
      <>
        <View className="xl-card points__balance">
          <Text className="points__balance-label">
            我家（户号 {mine.data.code}
            {mine.data.headName ? `，户主 ${mine.data.headName}` : ''}）现有积分
          </Text>
          <Text className="points__balance-value">{mine.data.balance}</Text>
        </View>
        <Ledger entries={mine.data.entries} empty="还没有积分记录，参加会议、提意见都能得分。" />
      </>
    )

  return (
    <PageRoot className="points">
      {ledger}
      <View className="points__actions">
        <Button size="large" block fill="outline" onClick={() => go('rules')}>
          积分规则（第 {o.rules.version} 版）
        </Button>
        <Button size="large" block fill="outline" onClick={() => go('shop')}>
          积分超市
        </Button>
        {o.rankingPublic ? (
          <Button size="large" block fill="outline" onClick={() => go('ranking')}>
            积分排行
          </Button>
        ) : null}
      </View>
      {bench}
    </PageRoot>
  )
}
