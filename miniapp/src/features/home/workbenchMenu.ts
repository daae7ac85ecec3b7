import { COMMITTEE_ROLES, type Membership } from '@xiangli/shared'
import { ROUTES, withQuery } from '@/routes'
import { hasAnyRole, hasWorkbench, workbenchFor } from '@/logic/membership'
import { noticeBench } from '@/features/notices/notice'
import type { MenuItem, MenuSection } from './menu'

/** 村委工作台: the queues and tools of the village's officers, by what their roles let them do. */
export function workbenchSection(membership: Membership | null): MenuSection | null {
  const bench = workbenchFor(membership)
  if (!membership || !hasWorkbench(bench)) return null
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
      description: '本组的住户和家里的人，方便上门和通知；组里住户反映的事',
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
  if (bench.actForResidents)
    items.push({
      key: 'serviceQueue',
      title: '便民服务代办',
      description: '受理村民的办事申请，登记材料收取、递交、取回、送达的每一次交接',
      url: withQuery(ROUTES.serviceQueue, q),
    })
  if (hasAnyRole(membership.roles, COMMITTEE_ROLES))
    items.push({
      key: 'pollsBench',
      title: '问卷（意见征集）',
      description: '发起问卷听取村民意见，看统计结果；不作为表决，不产生决定',
      url: withQuery(ROUTES.committeePolls, q),
    })
  if (hasAnyRole(membership.roles, COMMITTEE_ROLES))
    items.push({
      key: 'activitiesBench',
      title: '活动管理',
      description: '发布活动，看报名名单，现场出示签到码，活动后记志愿时长',
      url: withQuery(ROUTES.committeeActivities, q),
    })
  if (hasAnyRole(membership.roles, COMMITTEE_ROLES))
    items.push({
      key: 'pointsBench',
      title: '积分管理',
      description: '公布积分规则，奖励积分，窗口登记兑换，管理积分超市',
      url: withQuery(ROUTES.pointsDesk, q),
    })
  return { title: `村委工作台 · ${membership.orgName}`, items }
}
