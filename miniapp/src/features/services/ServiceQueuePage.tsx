import { useState } from 'react'
import Taro from '@tarojs/taro'
import { convenienceServiceRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { useReshow } from '@/hooks/useReshow'
import { useResource } from '@/hooks/useResource'
import { ROUTES, withQuery } from '@/routes'
import { Loaded } from './Loaded'
import { QUEUE_FILTERS, queueQuery, type QueueFilter } from './service'
import { ServiceCard } from './ServiceCard'
import './services.scss'

/** 便民服务代办: the village's requests by state, late ones first; a tap opens the hand-offs. */
export function ServiceQueuePage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.actForResidents
  const villageId = ctx.villageId ?? 0
  const [filter, setFilter] = useState<QueueFilter>('submitted')
  const list = useResource(
    allowed
      ? () =>
          call(
            convenienceServiceRoutes.queue,
            { params: { villageId }, query: queueQuery(filter) },
            { toast: false },
          )
      : null,
    [allowed, villageId, filter],
  )
  useReshow(() => void list.reload())
  const gate = committeeGate(ctx, 'actForResidents', '便民服务代办')
  if (gate) return <PageRoot>{gate}</PageRoot>

  return (
    <PageRoot className="svc">
      <Chips options={QUEUE_FILTERS} value={filter} onChange={setFilter} scroll />
      <Loaded
        resource={list}
        empty={{ title: '这里没有办事申请', description: '村民申请办事后，会出现在这里等您受理。' }}
      >
        {(items) =>
          items.map((r) => (
            <ServiceCard
              key={r.id}
              r={r}
              showResident
              onOpen={() =>
                void Taro.navigateTo({ url: withQuery(ROUTES.serviceDetail, { id: r.id, villageId }) })
              }
            />
          ))
        }
      </Loaded>
    </PageRoot>
  )
}
