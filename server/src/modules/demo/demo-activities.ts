import type { ActivitiesService } from '../activities/activities.service'

const DAY = 86_400_000
const HOUR = 3_600_000

/** 09:00 Beijing time, `days` from today. */
function nineOClock(now: Date, days: number): Date {
  const beijing = new Date(now.getTime() + 8 * HOUR + days * DAY)
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), 1, 0, 0))
}

/**
 * 柳林村's activities: a 志愿服务 held three weeks ago with hours credited, and one coming next week
 * with a few people signed up, so the lists and 我的志愿时长 are not empty on first start.
 */
export async function seedDemoActivities(
  m: Parameters<ActivitiesService['seedDemo']>[0],
  activities: ActivitiesService,
  villageId: number,
  residentIdOf: (name: string) => number,
  now: Date,
): Promise<void> {
  const past = nineOClock(now, -21)
  await activities.seedDemo(
    m,
    {
      villageId,
      title: '重阳节陪老人包饺子',
      description: '在村老年活动室陪独居老人包饺子、聊聊天，帮忙打扫屋子。',
      place: '村老年活动室',
      startsAt: past,
      endsAt: new Date(past.getTime() + 3 * HOUR),
      signUpDeadline: new Date(past.getTime() - 15 * HOUR),
      capacity: 15,
      volunteering: true,
      plannedHalfHours: 4,
      status: 'closed',
      createdByName: '张丽',
    },
    [
      { residentId: residentIdOf('刘长青'), checkedIn: true, halfHours: 4 },
      { residentId: residentIdOf('罗振华'), checkedIn: true, halfHours: 3 },
      { residentId: residentIdOf('唐国平'), checkedIn: false, halfHours: null },
    ],
  )
  const next = nineOClock(now, 7)
  await activities.seedDemo(
    m,
    {
      villageId,
      title: '清理村口小河垃圾',
      description: '沿河捡拾垃圾、清理水草。手套、夹子和垃圾袋村里准备，请穿防滑的鞋。',
      place: '村口小河桥头集合',
      startsAt: next,
      endsAt: new Date(next.getTime() + 3 * HOUR),
      signUpDeadline: new Date(next.getTime() - 15 * HOUR),
      capacity: 20,
      volunteering: true,
      plannedHalfHours: 5,
      status: 'published',
      createdByName: '张丽',
    },
    [
      { residentId: residentIdOf('刘长青'), checkedIn: false, halfHours: null },
      { residentId: residentIdOf('唐国平'), checkedIn: false, halfHours: null },
    ],
  )
}
