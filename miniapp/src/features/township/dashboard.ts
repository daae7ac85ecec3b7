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
  // certificates over the years: per village (the items added up), and per item
  const issued = (pick: (c: TownshipDashboard['certificates'][number]) => boolean) =>
    d.years.map((year) =>
      d.certificates.filter((c) => c.year === year && pick(c)).reduce((s, c) => s + c.issued, 0),
    )
  const certificates = {
    categories: v.map((x) => x.villageName),
    cells: v.map((x) => issued((c) => c.villageId === x.villageId)),
  }
  const itemNames = [...new Set(d.certificates.map((c) => c.itemName))]
  const items = { categories: itemNames, cells: itemNames.map((item) => issued((c) => c.itemName === item)) }
  const ignored = v.reduce((s, x) => s + x.petitionsIgnored, 0)
  return { overdue, satisfaction, publication, waiting, objections, certificates, items, ignored }
}
