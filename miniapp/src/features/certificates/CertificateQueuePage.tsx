import { useState } from 'react'
import Taro from '@tarojs/taro'
import { certificateRoutes, type CertificateRequestView } from '@xiangli/shared'
import { call } from '@/api/request'
import { CertificateCard } from './CertificateBody'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
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

  const body = (
    <PagedList
      list={list}
      empty={<EmptyView title="这里没有申请" description="村民申请开证明后，会出现在这里等您审核。" />}
      title={`共 ${list.total} 份`}
    >
      {(r) => <CertificateCard key={r.id} r={r} showApplicant onOpen={() => open(r)} />}
    </PagedList>
  )

  return (
    <PageRoot>
      <Chips options={QUEUE_FILTERS} value={filter} onChange={setFilter} scroll />
      {body}
    </PageRoot>
  )
}
