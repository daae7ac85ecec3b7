import { useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { MATTER_TYPE_LABELS } from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import { StatusTag } from './StepList'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ListFooter, Pending } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { STATUS_FILTERS, filterByStatus, firstPages, isVillageCadre, type StatusFilter } from './deliberation'
import { formatTime } from '@/logic/format'
import { ROUTES, withQuery } from '@/routes'
import './deliberation.scss'
import { call } from '@/api/request'
import { deliberationRoutes } from '@xiangli/shared'

/** 村里议事: every deliberation of the village, newest first, where each one stands. */
export function DeliberationListPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const list = useResource(
    ctx.villageId !== null
      ? async () =>
          (
            await call(
              deliberationRoutes.list,
              { params: { villageId }, query: { page: 1, pageSize: 100 } },
              { toast: false },
            )
          ).items
      : null,
    [ctx.villageId],
  )
  const [filter, setFilter] = useState<StatusFilter>('all')
  const [pages, setPages] = useState(1)
  useReshow(() => void list.reload())
  usePullDownRefresh(() => {
    setPages(1)
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => setPages((p) => p + 1))

  const gate = residentGate(ctx, '村里议事', {
    title: '实名认证后才能看村里议事',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能看村里议的事、参加会议和表决。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>

  const cadre = isVillageCadre(ctx.membership)
  const start = () => void Taro.navigateTo({ url: withQuery(ROUTES.committeeDeliberationNew, { villageId }) })
  const open = (id: number) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.deliberationDetail, { id, villageId }) })

  let body
  if (!list.data) body = <Pending resource={list} />
  else {
    const matching = filterByStatus(list.data, filter)
    const { shown, more } = firstPages(matching, pages)
    body =
      matching.length === 0 ? (
        <EmptyView
          title={filter === 'all' ? '村里还没有议事' : '这一类还没有议事'}
          description="村里的大事按“四议两公开”办：党组织提议、两委商议、党员大会审议、村民会议决议，决议和实施结果都公开。"
        />
      ) : (
        <>
          <View className="xl-section-title">共 {matching.length} 项</View>
          {shown.map((d) => (
            <View key={d.id} className="xl-card xl-delib-card xl-tap" onClick={() => open(d.id)}>
              <View className="xl-delib-card__head">
                <Text className="xl-delib-card__title">{d.title}</Text>
                <StatusTag status={d.status} />
              </View>
              <View className="xl-delib-card__meta">
                <Text>现在：{d.stepLabel}</Text>
                <Text>{MATTER_TYPE_LABELS[d.matterType]}</Text>
                <Text>{formatTime(d.createdAt)}</Text>
              </View>
            </View>
          ))}
          <ListFooter
            count={shown.length}
            loadingMore={false}
            hasMore={more}
            error={null}
            onRetry={() => setPages((p) => p + 1)}
          />
        </>
      )
  }

  return (
    <PageRoot>
      <View className="xl-actions xl-delib-top">
        {cadre ? (
          <Button type="primary" onClick={start}>
            发起议事
          </Button>
        ) : null}
        <Button onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.petitionList, { villageId }) })}>
          联名提议
        </Button>
      </View>
      <Chips
        options={STATUS_FILTERS}
        value={filter}
        onChange={(f) => {
          setFilter(f)
          setPages(1)
        }}
        scroll
      />
      {body}
    </PageRoot>
  )
}
