import { COMMITTEE_ROLES, type Membership } from '@xiangli/shared'
import { ROUTES, withQuery } from '@/routes'
import { hasAnyRole, hasWorkbench, isVillageMembership, townshipOf, workbenchFor } from '@/logic/membership'
import { noticeBench } from '@/features/notices/notice'

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
      ],
    })
  sections.push({ title: '我的事', items: mine })

  const bench = workbenchFor(membership)
  if (membership && hasWorkbench(bench)) {
    const q = { villageId: membership.orgId }
    const items: MenuItem[] = []
    if (bench.handleGrievances)
      items.push({
        key: 'grievances',
        title: '说事处理',
        description: '受理、交办、答复村民反映的事',
        url: withQuery(ROUTES.committeeGrievances, q),
      })
    if (bench.handleGrievances)
      items.push({
        key: 'contentReview',
        title: '内容审核',
        description: '微信检测觉得可能不合适的说事、留言和联名提议，看过后决定是否显示',
        url: withQuery(ROUTES.committeeContentReview, q),
      })
    if (bench.answerAssigned && !bench.handleGrievances)
      items.push({
        key: 'gridAssigned',
        title: '交我办理',
        description: '村（居）委会交给您办理的事，办好后答复村民',
        url: withQuery(ROUTES.gridAssigned, q),
      })
    if (bench.myGrid)
      items.push({
        key: 'gridMine',
        title: '我的网格',
        description: '网格里的住户和他们反映的事，走访时收集民情',
        url: withQuery(ROUTES.gridMine, q),
      })
    if (bench.myGroup)
      items.push({
        key: 'gridGroup',
        title: '我的小组',
        description: '本组的住户和家里的人，方便上门和通知',
        url: withQuery(ROUTES.gridGroup, q),
      })
    // 议事 is run by the two committees (党组织 and 村委会), the same people the server lets start one
    if (hasAnyRole(membership.roles, COMMITTEE_ROLES))
      items.push({
        key: 'deliberationsBench',
        // the procedure is the unit's own: rural 四议两公开, urban 一征三议两公开
        title: membership.orgKind === 'community' ? '议事（一征三议两公开）' : '议事（四议两公开）',
        description: '发起议事，安排会议，登记到会，结束表决，公开决议和实施结果',
        url: withQuery(ROUTES.deliberationList, q),
      })
    if (membership.orgKind === 'village' && hasAnyRole(membership.roles, COMMITTEE_ROLES))
      items.push({
        key: 'villageRulesBench',
        title: '村规民约（起草、表决、备案）',
        description: '起草和修订，先征求意见再交村民会议表决，通过后报乡镇备案',
        url: withQuery(ROUTES.villageRulesManage, q),
      })
    if (bench.handleCertificates)
      items.push({
        key: 'certificates',
        title: '证明审批',
        description: '审核村民申请的证明，同意后出具',
        url: withQuery(ROUTES.committeeCertificates, q),
      })
    if (bench.viewSealRegister)
      items.push({
        key: 'sealRegister',
        title: '用印登记',
        description: '每一次出具证明的用印记录，可导出表格',
        url: withQuery(ROUTES.committeeSealRegister, q),
      })
    if (bench.reviewVerifications)
      items.push({
        key: 'verifications',
        title: '认证审核',
        description: '确认村民的实名认证申请',
        url: withQuery(ROUTES.committeeVerifications, q),
      })
    if (bench.reviewVerifications)
      items.push({
        key: 'newcomers',
        title: '常住居民登记',
        description: '审核户籍不在本村的常住居民的登记申请',
        url: withQuery(ROUTES.committeeNewcomers, q),
      })
    if (bench.viewRoster)
      items.push({
        key: 'roster',
        title: '花名册',
        description: bench.importRoster ? '查看和导入村民名单' : '查看村民名单',
        url: withQuery(ROUTES.committeeRoster, q),
      })
    if (bench.viewRoles)
      items.push({
        key: 'roles',
        title: '职务管理',
        description: bench.manageRoles ? '任命和免去村民代表、两委成员等' : '查看谁担任什么职务',
        url: withQuery(ROUTES.committeeRoles, q),
      })
    if (bench.manageGrids)
      items.push({
        key: 'grids',
        title: '网格管理',
        description: '划分网格，指定网格员，把住户划入网格',
        url: withQuery(ROUTES.committeeGrids, q),
      })
    if (bench.viewAudit)
      items.push({
        key: 'audit',
        title: '操作记录',
        description: '谁在什么时候做了什么',
        url: withQuery(ROUTES.committeeAudit, q),
      })
    const notices = noticeBench(membership)
    if (notices.manage || notices.supervise)
      items.push({
        key: 'notices',
        title: '村务公开',
        description: notices.manage
          ? '起草、发布、更正公告，答复异议，看公开日历'
          : '审核公告，写监督意见，看异议和公开日历',
        url: withQuery(ROUTES.committeeNotices, q),
      })
    if (bench.actForResidents)
      items.push({
        key: 'proxy',
        title: '代办',
        description: '为来村委会的村民代办说事，本人当面同意',
        url: withQuery(ROUTES.committeeProxy, q),
      })
    if (hasAnyRole(membership.roles, COMMITTEE_ROLES))
      items.push({
        key: 'pollsBench',
        title: '问卷（意见征集）',
        description: '发起问卷听取村民意见，看统计结果；不作为表决，不产生决定',
        url: withQuery(ROUTES.committeePolls, q),
      })
    sections.push({ title: `村委工作台 · ${membership.orgName}`, items })
  }

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
          key: 'townshipCadreReviews',
          title: '各村民主评议',
          description: '各村村干部的评议结果，连续两次不称职而终止的职务',
          url: withQuery(ROUTES.townshipCadreReviews, { townshipId: township }),
        },
      ],
    })
  return sections
}
