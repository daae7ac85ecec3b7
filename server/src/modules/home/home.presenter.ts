import type {
  CommitteeWaiting,
  HomeMine,
  HomeSummary,
  Role,
  TownshipCertificateFigure,
  TownshipDashboard,
  VillageView,
} from '@xiangli/shared'

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

interface DashboardParts {
  grievances: { villageId: number; overdue: number; rating: number | null; rated: number }[]
  notices: { published: Map<number, number>; objectionsOverdue: Map<number, number> }
  deliberations: {
    underWay: Map<number, number>
    petitions: Map<number, { waiting: number; ignored: number }>
  }
  certificates: TownshipCertificateFigure[]
}

export function presentDashboard(
  townshipId: number,
  conveneDays: number,
  villages: { id: number; name: string }[],
  years: number[],
  p: DashboardParts,
): TownshipDashboard {
  const issues = new Map(p.grievances.map((g) => [g.villageId, g]))
  return {
    townshipId,
    conveneDays,
    years,
    villages: villages.map((v) => {
      const g = issues.get(v.id)
      const petitions = p.deliberations.petitions.get(v.id)
      return {
        villageId: v.id,
        villageName: v.name,
        grievancesOverdue: g?.overdue ?? 0,
        satisfaction: g?.rating === null || g?.rating === undefined ? null : Math.round(g.rating * 10) / 10,
        rated: g?.rated ?? 0,
        objectionsOverdue: p.notices.objectionsOverdue.get(v.id) ?? 0,
        deliberationsUnderWay: p.deliberations.underWay.get(v.id) ?? 0,
        petitionsWaiting: petitions?.waiting ?? 0,
        petitionsIgnored: petitions?.ignored ?? 0,
        noticesLastQuarter: p.notices.published.get(v.id) ?? 0,
      }
    }),
    certificates: p.certificates,
  }
}
