import { grievanceRoutes } from '@xiangli/shared'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { GrievanceSummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { GrievanceCard } from './GrievanceCard'
import { useKeysetList } from '@/hooks/usePagedList'
import { pageAfter } from './grievance'
import { useReshow } from '@/hooks/useReshow'
import { draftStorageKey, isBlankDraft, restoreDraft } from './grievanceDraft'
import { ROUTES, withQuery } from '@/routes'
import { readStored } from '@/store/storage'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import './MyGrievancesPage.scss'

export function MyGrievancesPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const list = useKeysetList<GrievanceSummary>(
    ctx.villageId !== null
      ? (after) =>
          call(grievanceRoutes.mine, { params: { villageId }, query: pageAfter(after, 20) }, { toast: false })
      : null,
    (g) => g.id,
    [ctx.villageId],
  )
  // back from raising one or from a detail page: the states may have moved on
  useReshow(() => void list.reload())

  const gate = residentGate(ctx, '查看我的说事')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const raise = () => void Taro.navigateTo({ url: withQuery(ROUTES.grievanceRaise, { villageId }) })
  const open = (g: GrievanceSummary) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.grievanceDetail, { id: g.id, villageId }) })
  const saved = ctx.me
    ? restoreDraft(readStored(draftStorageKey(ctx.me.accountId, villageId)), {
        browser: false,
        newKey: () => '',
      })
    : null
  const hasDraft = saved !== null && !isBlankDraft(saved.draft)

  const body = (
    <PagedList
      list={list}
      empty={
        <EmptyView
          title="您还没有说过事"
          description="路灯坏了、垃圾没人清、有个好建议……都可以跟村里说，村里会在规定时间内答复。"
        />
      }
      title={`共 ${list.total} 件`}
    >
      {(g) => <GrievanceCard key={g.id} g={g} onOpen={() => open(g)} />}
    </PagedList>
  )

  return (
    <PageRoot className="my-grievances">
      {hasDraft ? (
        <View className="xl-card my-grievances__draft xl-tap" onClick={raise}>
          <View className="xl-card__title">有一份没发出去的说事</View>
          <View className="xl-card__text">{saved.draft.title || '（还没写标题）'} · 点这里接着写</View>
        </View>
      ) : (
        <View className="my-grievances__top">
          <Button type="primary" size="large" block onClick={raise}>
            我要说事
          </Button>
        </View>
      )}
      {body}
    </PageRoot>
  )
}
