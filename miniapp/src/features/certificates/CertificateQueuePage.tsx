import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { certificateRoutes, type CertificateRequestView } from '@xiangli/shared'
import { call } from '@/api/request'
import { CertificateCard } from './CertificateBody'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, ListFooter, LoadingView } from '@/components/States'
import { usePagedList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { QUEUE_FILTERS, queueQuery, type QueueFilter } from './certificate'
import { ROUTES, withQuery } from '@/routes'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'

/** 证明审批: residents' requests, newest first, late ones marked. */
export function CertificateQueuePage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.handleCertificates
  const villageId = ctx.villageId ?? 0
  const [filter, setFilter] = useState<QueueFilter>('submitted')
  const list = usePagedList<CertificateRequestView>(
    allowed
      ? (page) =>
          call(
            certificateRoutes.queue,
            { params: { villageId }, query: { ...queueQuery(filter), page, pageSize: 20 } },
            { toast: false },
          )
      : null,
    (r) => r.id,
    [allowed, villageId, filter],
  )
  useReshow(() => void list.reload())

  const gate = committeeGate(ctx, 'handleCertificates', '证明审批')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const open = (r: CertificateRequestView) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.committeeCertificate, { id: r.id, villageId }) })

  let body
  if (list.loading && list.items.length === 0) body = <LoadingView />
  else if (list.error && list.items.length === 0)
    body = <ErrorView error={list.error} onRetry={() => void list.reload()} />
  else if (list.items.length === 0)
    body = <EmptyView title="这里没有申请" description="村民申请开证明后，会出现在这里等您审核。" />
  else
    body = (
      <>
        <View className="xl-section-title">共 {list.total} 份</View>
        {list.items.map((r) => (
          <CertificateCard key={r.id} r={r} showApplicant onOpen={() => open(r)} />
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
      <Chips options={QUEUE_FILTERS} value={filter} onChange={setFilter} scroll />
      {body}
    </PageRoot>
  )
}
