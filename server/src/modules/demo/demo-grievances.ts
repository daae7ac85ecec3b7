import { acceptDeadline, addDays, answerDeadline, type GrievanceTimeLimits } from '@xiangli/shared'
import type { DemoGrievance, DemoGrievancePerson, DemoGrievanceStep } from '../grievances/grievances.service'

const HOUR = 3_600_000

/**
 * A few residents' issues in 柳林村, one in each stage, so the public wall, the committee's queue and
 * the township's list are not empty on first look. Times are relative to the moment of seeding.
 */
export function demoGrievances(
  limits: GrievanceTimeLimits,
  person: (name: string) => DemoGrievancePerson,
  now = new Date(),
): DemoGrievance[] {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR)
  const committee = person('张丽')
  const worker = person('杨文斌')
  const list: DemoGrievance[] = []
  const add = (
    raiser: DemoGrievancePerson,
    fields: DemoGrievance['fields'],
    steps: DemoGrievanceStep[],
    supporters: DemoGrievancePerson[] = [],
  ) => list.push({ raiser, fields, steps, supporters })

  const wang = person('王秀英')
  const liu = person('刘长青')
  const zhu = person('朱红梅')
  const zhao = person('赵国强')

  // answered, waiting for 王秀英 to rate it
  {
    const createdAt = ago(96)
    add(
      wang,
      {
        category: '水电设施',
        title: '村口路灯不亮了',
        text: '村口老槐树旁边的两盏路灯坏了快一个星期，晚上出门看不清路，老人孩子走夜路不安全。',
        state: 'answered',
        createdAt,
        acceptedAt: ago(90),
        assigneeResidentId: committee.id,
        assigneeName: committee.name,
        answeredAt: ago(20),
        answerMinutes: 76 * 60,
      },
      [
        { action: 'accepted', at: ago(90), by: committee },
        { action: 'assigned', at: ago(90), by: committee, text: `交由${committee.name}办理` },
        {
          action: 'answered',
          at: ago(20),
          by: committee,
          text: '已请电工换了灯泡，修好了线路，两盏灯昨晚起已经亮了。请您看看是否正常。',
        },
      ],
      [liu, zhu],
    )
  }
  // closed with five stars
  add(
    wang,
    {
      category: '环境卫生',
      title: '一组垃圾桶满了没人清',
      text: '一组路口的垃圾桶已经满出来好几天了，天热有味道，希望尽快清运。',
      state: 'closed',
      createdAt: ago(12 * 24),
      acceptedAt: ago(12 * 24 - 2),
      answeredAt: ago(10 * 24),
      answerMinutes: 48 * 60,
      closedAt: ago(9 * 24),
      rating: 5,
      ratingComment: '清得很及时，谢谢村委会',
    },
    [
      { action: 'accepted', at: ago(12 * 24 - 2), by: committee },
      {
        action: 'answered',
        at: ago(10 * 24),
        by: committee,
        text: '已联系保洁员清运，以后每周一、四各清一次。',
      },
      { action: 'rated', at: ago(9 * 24), by: wang, text: '清得很及时，谢谢村委会', rating: 5 },
    ],
  )
  // assigned, within its time limit
  {
    const acceptedAt = ago(24)
    add(
      liu,
      {
        category: '水电设施',
        title: '二组水渠堵了，田里放不进水',
        text: '二组东头的灌溉水渠被淤泥和杂草堵住了，眼看要插秧，田里放不进水，请村里组织清一清。',
        state: 'assigned',
        createdAt: ago(40),
        acceptedAt,
        assigneeResidentId: worker.id,
        assigneeName: worker.name,
        dueAt: answerDeadline(acceptedAt, limits),
      },
      [
        { action: 'accepted', at: acceptedAt, by: committee },
        { action: 'assigned', at: acceptedAt, by: committee, text: `交由${worker.name}办理` },
      ],
      [zhu, zhao],
    )
  }
  // just raised, waiting to be accepted
  {
    const createdAt = ago(3)
    add(
      zhu,
      {
        category: '意见建议',
        title: '建议在村委会旁边装几件健身器材',
        text: '村里老人多，晚饭后都在村委会前面散步，建议在旁边空地装几件健身器材，大家也有个活动的地方。',
        state: 'submitted',
        createdAt,
        dueAt: acceptDeadline(createdAt, limits),
      },
      [],
    )
  }
  // committee only, accepted
  {
    const acceptedAt = ago(20)
    add(
      zhao,
      {
        category: '邻里纠纷',
        title: '邻居在公共通道堆放杂物',
        text: '隔壁在两家之间的公共通道上堆了很多柴火和旧家具，车进不来，说了几次也不挪，请村里帮忙调解。',
        visibility: 'committee',
        state: 'accepted',
        createdAt: ago(26),
        acceptedAt,
        dueAt: answerDeadline(acceptedAt, limits),
      },
      [{ action: 'accepted', at: acceptedAt, by: committee }],
    )
  }
  // nobody accepted it in time: sent up to the township
  {
    const createdAt = ago(72)
    const escalatedAt = addDays(createdAt, limits.issueAcceptDays)
    add(
      liu,
      {
        category: '治安安全',
        title: '河边护栏松动，有安全隐患',
        text: '村南小河边的护栏有好几根松动了，孩子放学经常在那里玩，万一掉下去很危险。',
        state: 'escalated',
        createdAt,
        escalatedAt,
      },
      [{ action: 'escalated', at: escalatedAt, by: 'system', text: '超过办理时限，自动上报乡镇（街道）' }],
    )
  }
  return list
}
