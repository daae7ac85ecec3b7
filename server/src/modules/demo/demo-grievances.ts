import type { EntityManager } from 'typeorm'
import {
  acceptDeadline,
  addDays,
  answerDeadline,
  type GrievanceAction,
  type VillageSettings,
} from '@xiangli/shared'
import { GrievanceEvent } from '../grievances/entities/grievance-event.entity'
import { GrievanceSupport } from '../grievances/entities/grievance-support.entity'
import { Grievance } from '../grievances/entities/grievance.entity'
import type { Resident } from '../roster/entities/resident.entity'

const HOUR = 3_600_000

/**
 * A few residents' issues in 柳林村, one in each stage, so the public wall, the committee's queue and
 * the township's list are not empty on first look. Times are relative to the moment of seeding.
 */
export async function seedDemoGrievances(
  m: EntityManager,
  village: { id: number; settings: VillageSettings | null },
  person: (name: string) => Resident,
  now = new Date(),
): Promise<void> {
  const limits = village.settings!.timeLimits
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR)
  const committee = person('张丽')
  const worker = person('杨文斌')

  type Step = { action: GrievanceAction; at: Date; by: Resident | 'system'; text?: string; rating?: number }
  const add = async (
    raiser: Resident,
    g: Partial<Grievance> & Pick<Grievance, 'category' | 'title' | 'text' | 'state' | 'createdAt'>,
    steps: Step[],
    supporters: Resident[] = [],
  ) => {
    const saved = await m.getRepository(Grievance).save({
      villageId: village.id,
      raiserAccountId: raiser.accountId!,
      raiserResidentId: raiser.id,
      raiserName: raiser.name,
      photoIds: [],
      location: null,
      visibility: 'public' as const,
      dueAt: null,
      assigneeResidentId: null,
      assigneeName: null,
      declineReason: null,
      acceptedAt: null,
      answeredAt: null,
      answerMinutes: null,
      closedAt: null,
      escalatedAt: null,
      reopenCount: 0,
      rating: null,
      ratingComment: null,
      ...g,
    })
    await m.getRepository(GrievanceEvent).insert(
      [{ action: 'submitted' as const, at: g.createdAt, by: raiser }, ...steps].map((s) => ({
        grievanceId: saved.id,
        action: s.action,
        actorAccountId: s.by === 'system' ? null : s.by.accountId,
        actorName: s.by === 'system' ? '系统' : s.by.name,
        actorRole: s.by === 'system' ? 'system' : s.by === raiser ? 'resident' : 'committee_member',
        text: s.text ?? null,
        photoIds: [],
        rating: s.rating ?? null,
        at: s.at,
      })),
    )
    if (supporters.length)
      await m
        .getRepository(GrievanceSupport)
        .insert(supporters.map((s) => ({ grievanceId: saved.id, accountId: s.accountId! })))
  }

  const wang = person('王秀英')
  const liu = person('刘长青')
  const zhu = person('朱红梅')
  const zhao = person('赵国强')

  // answered, waiting for 王秀英 to rate it
  {
    const createdAt = ago(96)
    await add(
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
  await add(
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
    await add(
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
    await add(
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
    await add(
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
    await add(
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
}
