import type { CommitteeWaiting, HomeMine, HomeSummary, Role, VillageView } from '@xiangli/shared'

export const presentHome = (
  v: VillageView,
  roles: Role[],
  unread: number,
  pendingVerifications: number | null,
  mine: HomeMine,
  waiting: CommitteeWaiting | null,
): HomeSummary => ({
  org: { id: v.id, kind: v.kind, name: v.name, code: v.code, parentId: v.parentId, parentName: v.parentName },
  roles,
  unread,
  pendingVerifications,
  householdCount: v.householdCount,
  residentCount: v.residentCount,
  mine,
  waiting,
})
