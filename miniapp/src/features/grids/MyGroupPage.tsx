import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { gridRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { useResource } from '@/hooks/useResource'
import { ROUTES, withQuery } from '@/routes'
import { HouseholdCards } from './HouseholdCards'
import './grids.scss'

/** 我的小组: the 村民小组长's villager group, household by household, for visits and passing on news. */
export function MyGroupPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.myGroup
  const villageId = ctx.villageId ?? 0
  const group = useResource(
    allowed ? () => call(gridRoutes.myGroup, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  usePullDownRefresh(() => void group.reload().finally(() => Taro.stopPullDownRefresh()))

  const gate = committeeGate(ctx, 'myGroup', '查看我的小组')
  if (gate) return <PageRoot>{gate}</PageRoot>
  const households = group.data?.households ?? null
  return (
    <PageRoot className="my-grid">
      {group.data ? (
        <View className="xl-card">
          <View className="xl-card__title">{group.data.name}</View>
          <View className="xl-card__text">
            共 {group.data.households.length}{' '}
            户。组里的事可以在“交我办理”里答复，走访听到的事请报村（居）委会。
          </View>
          <View className="xl-actions">
            <Button
              type="primary"
              size="large"
              block
              onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.gridGroupIssues, { villageId }) })}
            >
              小组里的事
            </Button>
          </View>
        </View>
      ) : null}
      <HouseholdCards
        households={households}
        error={group.error}
        onRetry={() => void group.reload()}
        empty={<EmptyView title="组里还没有住户" description="请村（居）委会在花名册上登记各户所在的组。" />}
      />
    </PageRoot>
  )
}
