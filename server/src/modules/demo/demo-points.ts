import { beijingDate, DEFAULT_POINTS_RULES } from '@xiangli/shared'
import type { DemoPerson } from '../roster/roster-directory'
import type { PointsService } from '../points/points.service'

const DAY = 86_400_000

/** 柳林村 publishes its points rules, stocks the points shop and shows the ranking; two households have points. */
export async function seedDemoPoints(
  m: Parameters<PointsService['seedDemo']>[0],
  points: PointsService,
  villageId: number,
  person: (name: string) => DemoPerson,
  now: Date,
): Promise<void> {
  const committee = person('张丽')
  await points.seedDemo(m, villageId, {
    rules: DEFAULT_POINTS_RULES,
    publishedOn: beijingDate(new Date(now.getTime() - 30 * DAY)),
    by: { accountId: committee.accountId!, name: committee.name },
    items: [
      { name: '洗衣粉一袋', cost: 10, stock: 20 },
      { name: '食用油一桶', cost: 30, stock: 8 },
      { name: '电热水壶', cost: 80, stock: 2 },
    ],
    rankingPublic: true,
    awards: [
      {
        householdId: person('王秀英').householdId,
        points: 15,
        reason: '帮助照看独居老人孙玉兰',
        at: new Date(now.getTime() - 10 * DAY),
      },
      {
        householdId: person('刘长青').householdId,
        points: 8,
        reason: '雨后清理村道积水',
        at: new Date(now.getTime() - 5 * DAY),
      },
    ],
  })
}
