import type { ReactElement } from 'react'
import { useRouter } from '@tarojs/taro'
import { AUTH_ERRORS, type Membership } from '@xiangli/shared'
import { meGate } from '@/components/LoginPrompt'
import { EmptyView } from '@/components/States'
import { workbenchFor, type Workbench } from '@/logic/membership'
import { useMe, type MeState } from '@/store/session'

export interface CommitteeVillage extends MeState {
  villageId: number | null
  membership: Membership | null
  bench: Workbench
}

/** The village a 村委工作台 page works on: `?villageId=` from the link, else the active one. */
export function useCommitteeVillage(): CommitteeVillage {
  const { params } = useRouter()
  const state = useMe()
  const fromLink = Number(params.villageId)
  const villageId = Number.isInteger(fromLink) && fromLink > 0 ? fromLink : (state.active?.orgId ?? null)
  const membership = state.me?.memberships.find((m) => m.orgId === villageId) ?? null
  return { ...state, villageId, membership, bench: workbenchFor(membership) }
}

/**
 * What to show instead of the page while the person is loading, or when they may not use it;
 * null when the page can show its content.
 */
export function committeeGate(
  ctx: CommitteeVillage,
  needs: keyof Workbench,
  what: string,
): ReactElement | null {
  const who = meGate(ctx, what)
  if (who) return who
  if (ctx.villageId === null || !ctx.bench[needs])
    return <EmptyView title="不能使用这项功能" description={AUTH_ERRORS.FORBIDDEN.message} />
  return null
}
