import type { TownshipDashboard } from '@xiangli/shared'
import type { Bar } from './barChart'

/** The dashboard's charts, each a list of bars, from the server's figures. */
export function dashboardCharts(d: TownshipDashboard) {
  const v = d.villages
  const overdue: Bar[] = v.map((x) => ({
    label: x.villageName,
    value: x.grievancesOverdue,
    text: `${x.grievancesOverdue} 件`,
    alert: x.grievancesOverdue > 0,
  }))
  const satisfaction: Bar[] = v.map((x) => ({
    label: x.villageName,
    value: x.satisfaction ?? 0,
    text: x.satisfaction === null ? '无评价' : `${x.satisfaction} 分（${x.rated} 人）`,
    alert: x.satisfaction !== null && x.satisfaction < 3,
  }))
  const publication: Bar[] = v.map((x) => ({
    label: x.villageName,
    value: x.noticesLastQuarter,
    text: x.noticesLastQuarter > 0 ? `${x.noticesLastQuarter} 条` : '本季度未公开',
    alert: x.noticesLastQuarter === 0,
  }))
  const waiting: Bar[] = v.flatMap((x) => [
    {
      label: `${x.villageName} 议事`,
      value: x.deliberationsUnderWay,
      text: `${x.deliberationsUnderWay} 件进行中`,
    },
    {
      label: `${x.villageName} 联名`,
      value: x.petitionsWaiting,
      text:
        x.petitionsIgnored > 0
          ? `${x.petitionsWaiting} 件，${x.petitionsIgnored} 件超期`
          : `${x.petitionsWaiting} 件待召集`,
      alert: x.petitionsIgnored > 0,
    },
  ])
  const objections: Bar[] = v.map((x) => ({
    label: x.villageName,
    value: x.objectionsOverdue,
    text: `${x.objectionsOverdue} 条`,
    alert: x.objectionsOverdue > 0,
  }))
  const names = new Map(v.map((x) => [x.villageId, x.villageName]))
  // certificates: per village and year, the items added up; the items themselves below
  const certificates: Bar[] = v.flatMap((x) =>
    d.years.map((year) => {
      const n = d.certificates
        .filter((c) => c.villageId === x.villageId && c.year === year)
        .reduce((s, c) => s + c.issued, 0)
      return { label: `${x.villageName} ${year}`, value: n, text: `${n} 份` }
    }),
  )
  const items = [...new Set(d.certificates.map((c) => c.itemName))].map((item) => ({
    item,
    cells: d.years.map((year) =>
      d.certificates.filter((c) => c.itemName === item && c.year === year).reduce((s, c) => s + c.issued, 0),
    ),
  }))
  const ignored = v.reduce((s, x) => s + x.petitionsIgnored, 0)
  return { overdue, satisfaction, publication, waiting, objections, certificates, items, ignored, names }
}
