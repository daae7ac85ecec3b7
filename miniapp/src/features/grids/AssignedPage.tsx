import Taro from '@tarojs/taro'
import { grievanceRoutes, type GrievanceSummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { PagedList } from '@/components/PagedList'
import { EmptyView } from '@/components/States'
import { GrievanceCard } from '@/features/grievances/GrievanceCard'
import { pageAfter } from '@/features/grievances/grievance'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { useKeysetList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { ROUTES, withQuery } from '@/routes'

/** 交我办理: what the 两委 handed to this 网格员 or 村民小组长, newest first; each opens to be answered. */
export function AssignedPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.answerAssigned
  const villageId = ctx.villageId ?? 0
  const list = useKeysetList<GrievanceSummary>(
    allowed
      ? (after) =>
          call(
            grievanceRoutes.assigned,
            { params: { villageId }, query: pageAfter(after, 20) },
            { toast: false },
          )
      : null,
    (g) => g.id,
    [allowed, villageId],
  )
  // back from answering one: its state has moved on
  useReshow(() => void list.reload())

  const gate = committeeGate(ctx, 'answerAssigned', '办理交给您的事')
  if (gate) return <PageRoot>{gate}</PageRoot>
  const open = (g: GrievanceSummary) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.committeeGrievance, { id: g.id, villageId }) })

  return (
    <PageRoot className="assigned">
      <PagedList
        list={list}
        empty={
          <EmptyView
            title="暂时没有交给您的事"
            description="村（居）委会把村民反映的事交给您办理时，会发消息通知您，也会列在这里。"
          />
        }
        title={`共 ${list.total} 件`}
      >
        {(g) => <GrievanceCard key={g.id} g={g} onOpen={() => open(g)} />}
      </PagedList>
    </PageRoot>
  )
}
