import type { ReactElement } from 'react'
import { AUTH_ERRORS } from '@xiangli/shared'
import { EmptyView } from '@/components/States'
import { isVillageCadre } from './deliberation'
import { committeeGate, type CommitteeVillage } from '@/features/committee/useCommitteeVillage'

/** The 议事 pages of the 村委工作台 are for the two committees (党组织书记 and 村委会成员). */
export function deliberationGate(ctx: CommitteeVillage, what: string): ReactElement | null {
  const gate = committeeGate(ctx, 'viewRoster', what)
  if (gate) return gate
  if (!isVillageCadre(ctx.membership))
    return <EmptyView title="不能使用这项功能" description={AUTH_ERRORS.FORBIDDEN.message} />
  return null
}
