import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { PETITION_STATUSES, petitionRoutes, type PetitionStatus, type PetitionSummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, ListFooter, LoadingView } from '@/components/States'
import { usePagedList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { PETITION_PAGES, PETITION_STATUS_CHIPS } from './petition'
import { PetitionHead } from './PetitionHead'
import { withQuery } from '@/routes'
import './petition.scss'

type Filter = PetitionStatus | 'all'
const asFilter = (s: string | undefined): Filter => PETITION_STATUSES.find((x) => x === s) ?? 'all'

/** 联名提议: requests that a meeting be convened, with how many signed; any villager may start one. */
export function PetitionListPage() {
  const { params } = useRouter()
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [filter, setFilter] = useState<Filter>(asFilter(params.status))
  const list = usePagedList<PetitionSummary>(
    ctx.villageId !== null
      ? (page) =>
          call(
            petitionRoutes.list,
            {
              params: { villageId },
              query: { page, pageSize: 20, status: filter === 'all' ? undefined : filter },
            },
            { toast: false },
          )
      : null,
    (p) => p.id,
    [ctx.villageId, filter],
  )
  // back from a petition or from starting one: its count or status may have changed
  useReshow(() => void list.reload())

  const gate = residentGate(ctx, '联名提议', {
    title: '实名认证后才能联名',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能发起和参加联名提议。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  const go = (url: string) => void Taro.navigateTo({ url })
  const start = () => go(withQuery(PETITION_PAGES.start, { villageId }))

  let body
  if (list.loading && list.items.length === 0) body = <LoadingView />
  else if (list.error && list.items.length === 0)
    body = <ErrorView error={list.error} onRetry={() => void list.reload()} />
  else if (list.items.length === 0)
    body =
      filter === 'all' ? (
        <EmptyView
          title="还没有联名提议"
          description="村里有要大家一起定的事，可以发起联名，提议召开村民会议；联名的人数够了，村委会就应当召集。"
        />
      ) : (
        <EmptyView
          title="这一类还没有联名提议"
          action={{ text: '看全部', onClick: () => setFilter('all') }}
        />
      )
  else
    body = (
      <>
        <View className="xl-section-title">共 {list.total} 份</View>
        {list.items.map((p) => (
          <View
            key={p.id}
            className="xl-card petition__row xl-tap"
            onClick={() => go(withQuery(PETITION_PAGES.detail, { id: p.id, villageId }))}
          >
            <PetitionHead p={p}>
              <Text>已有 {p.signatures} 人联名</Text>
            </PetitionHead>
          </View>
        ))}
        <ListFooter
          count={list.items.length}
          loadingMore={list.loadingMore}
          hasMore={list.hasMore}
          error={list.moreError}
          onRetry={() => void list.loadMore()}
        />
      </>
    )

  return (
    <PageRoot className="petition">
      <View className="petition__start">
        <Button type="primary" size="large" block onClick={start}>
          发起联名提议
        </Button>
      </View>
      <Chips options={PETITION_STATUS_CHIPS} value={filter} onChange={setFilter} scroll />
      {body}
    </PageRoot>
  )
}
