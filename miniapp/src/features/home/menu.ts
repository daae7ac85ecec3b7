import type { Membership } from '@xiangli/shared'
import { ROUTES, withQuery } from '@/routes'
import { isVillageMembership, townshipOf } from '@/logic/membership'
import { workbenchSection } from './workbenchMenu'

export interface MenuItem {
  key:
    | 'verify'
    | 'newcomerApply'
    | 'newcomers'
    | 'inbox'
    | 'grievanceRaise'
    | 'grievanceMine'
    | 'grievanceWall'
    | 'grievances'
    | 'contentReview'
    | 'verifications'
    | 'roster'
    | 'roles'
    | 'audit'
    | 'townshipGrievances'
    | 'townshipCertificateStats'
    | 'certificateCatalogue'
    | 'certificateMine'
    | 'certificates'
    | 'sealRegister'
    | 'proxy'
    | 'deliberations'
    | 'deliberationsBench'
    | 'notices'
    | 'townshipNotices'
    | 'petitions'
    | 'villageRules'
    | 'villageRulesBench'
    | 'townshipVillageRules'
    | 'gridAssigned'
    | 'gridMine'
    | 'gridGroup'
    | 'grids'
    | 'cadreReviews'
    | 'townshipCadreReviews'
    | 'polls'
    | 'pollsBench'
    | 'activities'
    | 'activitiesBench'
    | 'points'
    | 'pointsBench'
    | 'serviceCatalogue'
    | 'serviceMine'
    | 'serviceQueue'
    | 'townshipServiceStats'
    | 'townshipServiceCatalogue'
  title: string
  description: string
  url: string
}

export interface MenuSection {
  title: string
  items: MenuItem[]
}

export interface MenuInput {
  verified: boolean
  /** a verification request is waiting for the committee */
  verificationPending: boolean
  /** the village the person works in now */
  membership: Membership | null
}

/**
 * The 办事 list. Only what works today: a module that is not built yet gets no entry at all, so
 * nobody taps a door that leads nowhere.
 */
export function buildServiceMenu({ verified, verificationPending, membership }: MenuInput): MenuSection[] {
  const mine: MenuItem[] = []
  if (!verified) {
    mine.push({
      key: 'verify',
      title: '实名认证',
      description: verificationPending ? '已提交，等待村委会确认' : '认证后才能参与村里的事务',
      url: ROUTES.verify,
    })
    mine.push({
      key: 'newcomerApply',
      title: '登记为常住居民',
      description: '户籍不在本村、住在本村的，带住址证明申请登记',
      url: ROUTES.newcomerApply,
    })
  }
  mine.push({ key: 'inbox', title: '消息通知', description: '村里发给您的消息', url: ROUTES.inbox })
  const sections: MenuSection[] = []

  if (verified && membership && isVillageMembership(membership)) {
    const q = { villageId: membership.orgId }
    sections.push({
      title: '村民说事',
      items: [
        {
          key: 'grievanceRaise',
          title: '我要说事',
          description: '有问题、有建议，跟村里说',
          url: withQuery(ROUTES.grievanceRaise, q),
        },
        {
          key: 'grievanceMine',
          title: '我的说事',
          description: '看看办到哪一步了，给答复打分',
          url: withQuery(ROUTES.grievanceMine, q),
        },
        {
          key: 'grievanceWall',
          title: '村里的说事墙',
          description: '大家反映的事，遇到同样的问题可以 +1',
          url: withQuery(ROUTES.grievanceWall, q),
        },
      ],
    })
  }
  if (verified && membership && isVillageMembership(membership)) {
    const q = { villageId: membership.orgId }
    sections.push({
      title: '开证明',
      items: [
        {
          key: 'certificateCatalogue',
          title: '开证明',
          description: '居住证明等，在手机上申请，村委会审核后出具',
          url: withQuery(ROUTES.certificateCatalogue, q),
        },
        {
          key: 'certificateMine',
          title: '我的证明',
          description: '看看办到哪一步了，查看和下载开好的证明',
          url: withQuery(ROUTES.certificateMine, q),
        },
      ],
    })
  }
  if (verified && membership && isVillageMembership(membership))
    sections.push({
      title: '村里议事',
      items: [
        {
          key: 'deliberations',
          title: '村里议事',
          description: '村里的大事怎么议、怎么定：开会签到、表决，看决议和办理结果',
          url: withQuery(ROUTES.deliberationList, { villageId: membership.orgId }),
        },
        // 联名提议: any villager starts one or co-signs it; the committee convenes a reached one
        {
          key: 'petitions',
          title: '联名提议',
          description:
            membership.orgKind === 'community'
              ? '联名提议召开居民会议：人数够了，居委会就应当召集'
              : '联名提议召开村民会议：人数够了，村委会就应当召集',
          url: withQuery(ROUTES.petitionList, { villageId: membership.orgId }),
        },
        // 村规民约 (Art 27, villages): the text in force one tap away, its history and the comment window
        ...(membership.orgKind === 'village'
          ? [
              {
                key: 'villageRules' as const,
                title: '村规民约',
                description: '现行全文、历次修订改了什么；征求意见时在这里提意见',
                url: withQuery(ROUTES.villageRules, { villageId: membership.orgId }),
              },
            ]
          : []),
        // 民主评议: the supervision committee hosts it; everyone reads the reports and the results
        {
          key: 'cadreReviews',
          title: '民主评议',
          description: '村干部每年述职，村民会议或代表会议无记名评议：称职、基本称职、不称职',
          url: withQuery(ROUTES.cadreReviewList, { villageId: membership.orgId }),
        },
        // 问卷: non-binding, said on the entry too
        {
          key: 'polls',
          title: '问卷调查',
          description: '村里想听听大家的看法，每人填一次；只是征集意见，不作为表决',
          url: withQuery(ROUTES.pollList, { villageId: membership.orgId }),
        },
        // 活动 / 志愿服务: sign up, check in by the organiser's QR code, see one's hours
        {
          key: 'activities',
          title: '活动与志愿服务',
          description: '报名参加村里的活动，现场扫码签到，看我的志愿时长',
          url: withQuery(ROUTES.activityList, { villageId: membership.orgId }),
        },
        // 积分制: the household's points, what earned each, the rules and the shop
        {
          key: 'points',
          title: '我家积分',
          description: '参加会议、提意见、志愿服务得积分，每笔写明因为什么；积分超市兑换',
          url: withQuery(ROUTES.pointsHome, { villageId: membership.orgId }),
        },
      ],
    })
  // 便民服务 (一门式): what the village handles or carries to the township for the resident
  if (verified && membership && isVillageMembership(membership)) {
    const q = { villageId: membership.orgId }
    sections.push({
      title: '便民服务',
      items: [
        {
          key: 'serviceCatalogue',
          title: '我要办事',
          description: '养老保险、医保缴费、高龄津贴、残疾人证等，村里帮您办或送到乡镇办',
          url: withQuery(ROUTES.serviceCatalogue, q),
        },
        {
          key: 'serviceMine',
          title: '我的办事',
          description: '材料送到哪一步了，每次交接都看得到',
          url: withQuery(ROUTES.serviceMine, q),
        },
      ],
    })
  }
  sections.push({ title: '我的事', items: mine })

  const workbench = workbenchSection(membership)
  if (workbench) sections.push(workbench)

  const township = townshipOf(membership)
  if (membership && township !== null)
    sections.push({
      title: `乡镇督办 · ${membership.orgName}`,
      items: [
        {
          key: 'townshipGrievances',
          title: '村民说事督办',
          description: '上报和超时的事，各村办理情况',
          url: withQuery(ROUTES.townshipGrievances, { townshipId: township }),
        },
        {
          key: 'townshipCertificateStats',
          title: '证明统计',
          description: '各村每年开了多少证明，比去年少了多少',
          url: withQuery(ROUTES.townshipCertificateStats, { townshipId: township }),
        },
        {
          key: 'townshipNotices',
          title: '村务公开督办',
          description: '各村是否按时公开，超时未答复和反映到乡镇的异议',
          url: withQuery(ROUTES.townshipNotices, { townshipId: township }),
        },
        {
          key: 'townshipVillageRules',
          title: '村规民约备案',
          description: '各村报来备案的村规民约和自治章程，发现问题责令改正',
          url: withQuery(ROUTES.townshipVillageRules, { townshipId: township }),
        },
        {
          key: 'townshipServiceStats',
          title: '便民服务统计',
          description: '各村每项服务的申请、办结、超时和平均办理天数',
          url: withQuery(ROUTES.townshipServiceStats, { townshipId: township }),
        },
        {
          key: 'townshipServiceCatalogue',
          title: '便民服务目录',
          description: '全县的服务事项：办理单位、材料、时限，添加和修改',
          url: withQuery(ROUTES.townshipServiceCatalogue, { townshipId: township }),
        },
        {
          key: 'townshipCadreReviews',
          title: '各村民主评议',
          description: '各村村干部的评议结果，连续两次不称职而终止的职务',
          url: withQuery(ROUTES.townshipCadreReviews, { townshipId: township }),
        },
      ],
    })
  return sections
}
