import type { ReactElement } from 'react'
import { COMMITTEE_ROLES, AUTH_ERRORS } from '@xiangli/shared'
import { meGate } from '@/components/LoginPrompt'
import { EmptyView } from '@/components/States'
import { useCommitteeVillage, type CommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { hasAnyRole } from '@/logic/membership'

export { useCommitteeVillage }

/** What the 两委's points pages show instead of themselves while loading or to someone not of the 两委. */
export function pointsCommitteeGate(ctx: CommitteeVillage, what: string): ReactElement | null {
  const who = meGate(ctx, what)
  if (who) return who
  if (ctx.villageId === null || !ctx.membership || !hasAnyRole(ctx.membership.roles, COMMITTEE_ROLES))
    return <EmptyView title="不能使用这项功能" description={AUTH_ERRORS.FORBIDDEN.message} />
  return null
}
