import type { ReactElement } from 'react'
import { useRouter } from '@tarojs/taro'
import { AUTH_ERRORS } from '@xiangli/shared'
import { meGate } from '@/components/LoginPrompt'
import { EmptyView } from '@/components/States'
import { idParam } from '@/logic/links'
import { townshipOf } from '@/logic/membership'
import { useMe, type MeState } from '@/store/session'

export interface TownshipContext extends MeState {
  /** the township (or street) the page is about; the official's membership orgId is the township id */
  townshipId: number | null
  /** every township where the person is an official, for links that name none */
  townshipIds: number[]
  townshipName: string | null
}

/** `?townshipId=` from the link when the person is an official there, else the active or first township. */
export function useTownship(): TownshipContext {
  const { params } = useRouter()
  const state = useMe()
  const offices = (state.me?.memberships ?? []).filter((m) => townshipOf(m) !== null)
  const fromLink = idParam(params.townshipId)
  const office =
    offices.find((m) => m.orgId === fromLink) ??
    offices.find((m) => m.orgId === state.active?.orgId) ??
    offices[0] ??
    null
  return {
    ...state,
    townshipId: office?.orgId ?? null,
    townshipIds: offices.map((m) => m.orgId),
    townshipName: office?.orgName ?? null,
  }
}

export function townshipGate(ctx: TownshipContext, what: string): ReactElement | null {
  const who = meGate(ctx, what)
  if (who) return who
  if (ctx.townshipId === null)
    return (
      <EmptyView
        title="不能使用这项功能"
        description={`${AUTH_ERRORS.FORBIDDEN.message}（乡镇、街道干部使用）`}
      />
    )
  return null
}
