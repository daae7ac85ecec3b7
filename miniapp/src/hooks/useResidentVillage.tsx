import type { ReactElement } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import type { Membership } from '@xiangli/shared'
import { meGate } from '@/components/LoginPrompt'
import { EmptyView } from '@/components/States'
import { idParam } from '@/logic/links'
import { isVillageMembership } from '@/logic/membership'
import { ROUTES } from '@/routes'
import { useMe, type MeState } from '@/store/session'

export interface ResidentVillage extends MeState {
  villageId: number | null
  membership: Membership | null
  /** every village or community the person belongs to, for links that name none */
  villageIds: number[]
}

/** The village a resident's page (村民说事, 开证明) is about: `?villageId=` from the link, else the active one, else the first. */
export function useResidentVillage(): ResidentVillage {
  const { params } = useRouter()
  const state = useMe()
  const villages = state.me?.memberships.filter(isVillageMembership) ?? []
  const fromLink = idParam(params.villageId)
  const membership =
    villages.find((m) => m.orgId === fromLink) ??
    (state.active && isVillageMembership(state.active) ? state.active : null) ??
    villages[0] ??
    null
  return {
    ...state,
    villageId: membership?.orgId ?? null,
    membership,
    villageIds: villages.map((m) => m.orgId),
  }
}

/** What to show instead of the page while loading, or for a person not (yet) in any village; null to go on. */
export function residentGate(
  ctx: ResidentVillage,
  what: string,
  unverified: { title: string; description: string } = {
    title: '实名认证后才能说事',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能反映问题、提建议了。',
  },
): ReactElement | null {
  const who = meGate(ctx, what)
  if (who) return who
  if (!ctx.membership)
    return (
      <EmptyView
        title={unverified.title}
        description={unverified.description}
        action={{ text: '去实名认证', onClick: () => void Taro.navigateTo({ url: ROUTES.verify }) }}
      />
    )
  return null
}
