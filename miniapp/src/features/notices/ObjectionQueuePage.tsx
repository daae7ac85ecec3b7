import { useState } from 'react'
import Taro from '@tarojs/taro'
import { noticeRoutes, objectionAnswerSchema, type ObjectionState, type ObjectionView } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { ComposeForm } from '@/features/grievances/ComposeForm'
import { ObjectionCard } from './ObjectionCard'
import { usePagedList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { answersObjections, noticeBench } from './notice'
import { ROUTES, withQuery } from '@/routes'
import { noticeGate } from './noticeGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'

type Filter = 'submitted' | 'overdue' | 'answered' | 'escalated' | 'all'
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'submitted', label: '待答复' },
  { value: 'overdue', label: '已超时' },
  { value: 'answered', label: '已答复' },
  { value: 'escalated', label: '已反映到乡镇' },
  { value: 'all', label: '全部' },
]
const query = (f: Filter): { state?: ObjectionState; overdue?: 'true' } =>
  f === 'all' ? {} : f === 'overdue' ? { state: 'submitted', overdue: 'true' } : { state: f }

/** 异议处理: residents' objections to notices, the late ones marked; answered here. */
export function ObjectionQueuePage() {
  const ctx = useCommitteeVillage()
  const bench = noticeBench(ctx.membership)
  const allowed = ctx.villageId !== null && (bench.manage || bench.supervise)
  const villageId = ctx.villageId ?? 0
  const [filter, setFilter] = useState<Filter>('submitted')
  const list = usePagedList<ObjectionView>(
    allowed
      ? (page) =>
          call(
            noticeRoutes.objectionQueue,
            { params: { villageId }, query: { page, pageSize: 20, ...query(filter) } },
            { toast: false },
          )
      : null,
    (o) => o.id,
    [allowed, villageId, filter],
  )
  useReshow(() => void list.reload())

  const gate = noticeGate(ctx, 'any', '处理异议')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const body = (
    <PagedList
      list={list}
      empty={
        <EmptyView
          title={filter === 'submitted' ? '没有待答复的异议' : '这里没有异议'}
          description="村民在公示期内对公告提出的异议会出现在这里，要在规定时间内答复。"
        />
      }
      title={`共 ${list.total} 件`}
    >
      {(o) => (
        <ObjectionCard
          key={o.id}
          o={o}
          showNotice
          onOpenNotice={() =>
            void Taro.navigateTo({ url: withQuery(ROUTES.committeeNotice, { id: o.noticeId, villageId }) })
          }
        >
          {o.state === 'submitted' && answersObjections(ctx.membership) ? (
            <ComposeForm
              title="答复"
              placeholder="写清楚核实的情况和处理结果，提出人会收到通知"
              submitText="发送答复"
              villageId={villageId}
              schema={objectionAnswerSchema}
              maxLength={1000}
              onSubmit={async (b, key) => {
                const answered = await call(
                  noticeRoutes.answer,
                  { params: { villageId, oid: o.id }, body: b },
                  { idempotencyKey: key },
                )
                list.update((items) => items.map((x) => (x.id === answered.id ? answered : x)))
                void Taro.showToast({ title: '已答复', icon: 'success' })
              }}
            />
          ) : null}
        </ObjectionCard>
      )}
    </PagedList>
  )

  return (
    <PageRoot>
      <Chips options={FILTERS} value={filter} onChange={setFilter} scroll />
      {body}
    </PageRoot>
  )
}
