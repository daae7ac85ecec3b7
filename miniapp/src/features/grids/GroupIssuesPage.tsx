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

/**
 * 小组里的事: what the households of the 村民小组长's villager group raised (and what a 网格员
 * collected about them), newest first, to read; what the 两委 hand them is answered in 交我办理.
 */
export function GroupIssuesPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.myGroup
  const villageId = ctx.villageId ?? 0
  const list = useKeysetList<GrievanceSummary>(
    allowed
      ? (after) =>
          call(
            grievanceRoutes.group,
            { params: { villageId }, query: pageAfter(after, 20) },
            { toast: false },
          )
      : null,
    (g) => g.id,
    [allowed, villageId],
  )
  // back from one: it may have been answered meanwhile
  useReshow(() => void list.reload())

  const gate = committeeGate(ctx, 'myGroup', '查看小组里的事')
  if (gate) return <PageRoot>{gate}</PageRoot>
  const open = (g: GrievanceSummary) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.grievanceDetail, { id: g.id, villageId }) })

  return (
    <PageRoot className="group-issues">
      <PagedList
        list={list}
        empty={
          <EmptyView
            title="组里还没有人反映过事"
            description="本组住户反映的事、网格员收集的涉及本组住户的事会列在这里；仅村委会可见的事不在这里。"
          />
        }
        title={`共 ${list.total} 件`}
      >
        {(g) => <GrievanceCard key={g.id} g={g} onOpen={() => open(g)} />}
      </PagedList>
    </PageRoot>
  )
}
