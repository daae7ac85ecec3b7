import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { PetitionStatus, PetitionSummary } from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import { listPetitions } from '@/components/deliberation/api'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, ListFooter, LoadingView } from '@/components/States'
import { usePagedList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { PETITION_FILTERS, petitionTone } from '@/logic/deliberationPetition'
import { formatTime } from '@/logic/format'
import { ROUTES, withQuery } from '@/routes'
import '@/components/grievance/grievance.scss'
import '@/components/deliberation/deliberation.scss'

/** 联名提议: requests to convene a meeting, with how many signed; anyone of the village may start one. */
export default function PetitionListPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [filter, setFilter] = useState<PetitionStatus | 'all'>('all')
  const list = usePagedList<PetitionSummary>(
    ctx.villageId !== null
      ? (page) =>
          listPetitions(
            villageId,
            { page, pageSize: 20, status: filter === 'all' ? undefined : filter },
            { toast: false },
          )
      : null,
    (p) => p.id,
    [ctx.villageId, filter],
  )
  useReshow(() => void list.reload())

  const gate = residentGate(ctx, '联名提议', {
    title: '实名认证后才能联名',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能发起和参加联名提议。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  const go = (url: string) => void Taro.navigateTo({ url })

  let body
  if (list.loading && list.items.length === 0) body = <LoadingView />
  else if (list.error && list.items.length === 0)
    body = <ErrorView error={list.error} onRetry={() => void list.reload()} />
  else if (list.items.length === 0)
    body = (
      <EmptyView
        title="还没有联名提议"
        description="有要全村一起定的事，村民可以联名提议召开村民会议；人数够了，村委会就要召集。"
      />
    )
  else
    body = (
      <>
        <View className="xl-section-title">共 {list.total} 份</View>
        {list.items.map((p) => (
          <View
            key={p.id}
            className="xl-card xl-delib-card"
            onClick={() => go(withQuery(ROUTES.petitionDetail, { id: p.id, villageId }))}
          >
            <View className="xl-delib-card__head">
              <Text className="xl-delib-card__title">{p.title}</Text>
              <Text className={`xl-state-tag xl-state-tag--${petitionTone(p.status)}`}>{p.statusLabel}</Text>
            </View>
            <View className="xl-delib-card__meta">
              <Text>提议召开{p.targetLabel}</Text>
              <Text>已有 {p.signatures} 人签名</Text>
              <Text>
                {p.initiatorName} · {formatTime(p.createdAt)}
              </Text>
            </View>
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
    <PageRoot>
      <View className="xl-delib-submit">
        <Button type="primary" block onClick={() => go(withQuery(ROUTES.petitionNew, { villageId }))}>
          发起联名提议
        </Button>
      </View>
      <Chips options={PETITION_FILTERS} value={filter} onChange={setFilter} scroll />
      {body}
    </PageRoot>
  )
}
