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
import type { Workbench } from '@/logic/membership'
import { ROUTES, withQuery } from '@/routes'

/** One list of 村民说事 for the first line (网格员, 村民小组长): which, who may open it, what it says. */
export interface FrontlineList {
  route: typeof grievanceRoutes.assigned | typeof grievanceRoutes.group
  needs: keyof Workbench
  /** what the gate says the person came to do */
  what: string
  /** the page an item opens on */
  detail: string
  className: string
  emptyTitle: string
  emptyDescription: string
}

/**
 * A keyset-paged list of 村民说事 for the first line, newest first; reloaded on coming back, since
 * an item opened may have been answered meanwhile.
 */
export function FrontlineIssuesPage({ list: spec }: { list: FrontlineList }) {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench[spec.needs]
  const villageId = ctx.villageId ?? 0
  const list = useKeysetList<GrievanceSummary>(
    allowed
      ? (after) => call(spec.route, { params: { villageId }, query: pageAfter(after, 20) }, { toast: false })
      : null,
    (g) => g.id,
    [allowed, villageId],
  )
  useReshow(() => void list.reload())

  const gate = committeeGate(ctx, spec.needs, spec.what)
  if (gate) return <PageRoot>{gate}</PageRoot>
  const open = (g: GrievanceSummary) =>
    void Taro.navigateTo({ url: withQuery(spec.detail, { id: g.id, villageId }) })

  return (
    <PageRoot className={spec.className}>
      <PagedList
        list={list}
        empty={<EmptyView title={spec.emptyTitle} description={spec.emptyDescription} />}
        title={`共 ${list.total} 件`}
      >
        {(g) => <GrievanceCard key={g.id} g={g} onOpen={() => open(g)} />}
      </PagedList>
    </PageRoot>
  )
}

/** 交我办理: what the 两委 handed to this 网格员 or 村民小组长; each opens to be answered. */
export const ASSIGNED: FrontlineList = {
  route: grievanceRoutes.assigned,
  needs: 'answerAssigned',
  what: '办理交给您的事',
  detail: ROUTES.committeeGrievance,
  className: 'assigned',
  emptyTitle: '暂时没有交给您的事',
  emptyDescription: '村（居）委会把村民反映的事交给您办理时，会发消息通知您，也会列在这里。',
}

/**
 * 小组里的事: what the households of the 村民小组长's villager group raised (and what a 网格员
 * collected about them), to read; what the 两委 hand them is answered in 交我办理.
 */
export const GROUP_ISSUES: FrontlineList = {
  route: grievanceRoutes.group,
  needs: 'myGroup',
  what: '查看小组里的事',
  detail: ROUTES.grievanceDetail,
  className: 'group-issues',
  emptyTitle: '组里还没有人反映过事',
  emptyDescription: '本组住户反映的事、网格员收集的涉及本组住户的事会列在这里；仅村委会可见的事不在这里。',
}
