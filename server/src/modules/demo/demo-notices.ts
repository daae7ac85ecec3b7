import type { NoticeDraftRequest } from '@xiangli/shared'
import { noticeDraftSchema } from '@xiangli/shared'
import type { OrgDirectory } from '../../core/access/org-directory'
import { Viewer } from '../../core/access/viewer'
import type { ActingContext } from '../../core/auth/current.decorator'
import type { PrincipalService } from '../../core/auth/principal.service'
import type { NoticesService } from '../notices/notices.service'

const yuan = (n: number) => Math.round(n * 100)

/** Last month as 'YYYY-MM' in Beijing time, the month a finance notice reports. */
function lastMonth(now: Date): { key: string; label: string } {
  const bj = new Date(now.getTime() + 8 * 3_600_000)
  const d = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() - 1, 1))
  const m = d.getUTCMonth() + 1
  return {
    key: `${d.getUTCFullYear()}-${String(m).padStart(2, '0')}`,
    label: `${d.getUTCFullYear()}年${m}月`,
  }
}

/**
 * A few published notices in 柳林村, so the 公开 tab, the committee's list and the calendar are not
 * empty on first look: last month's accounts (财务, with lines that add up), a meeting notice each
 * household is asked to acknowledge (村务), and a party-affairs notice (党务). They go through the
 * notice service as the committee member 张丽, so each has its version, its hash in the audit chain
 * and its notifications like any other.
 */
export async function seedDemoNotices(
  notices: NoticesService,
  principals: PrincipalService,
  orgs: OrgDirectory,
  villageId: number,
  committeeAccountId: number,
  now = new Date(),
): Promise<void> {
  const principal = await principals.load(committeeAccountId)
  if (!principal) throw new Error('demo: the committee member has no account')
  const a: ActingContext = {
    principal,
    viewer: new Viewer(principal, orgs),
    villageId,
    role: 'committee_member',
    actor: { accountId: principal.accountId, name: principal.displayName, role: 'committee_member' },
  }
  const month = lastMonth(now)
  const lines = [
    { kind: 'income' as const, item: '上级财政转移支付', amountFen: yuan(12000) },
    { kind: 'income' as const, item: '村集体土地租金', amountFen: yuan(8500), note: '东坡果园第三季度' },
    { kind: 'expense' as const, item: '村道路灯维修', amountFen: yuan(3260.5), note: '更换灯具 14 盏' },
    { kind: 'expense' as const, item: '保洁员工资', amountFen: yuan(4800), note: '2 人' },
    { kind: 'expense' as const, item: '办公用品', amountFen: yuan(386) },
  ]
  const income = lines.filter((l) => l.kind === 'income').reduce((s, l) => s + l.amountFen, 0)
  const expense = lines.filter((l) => l.kind === 'expense').reduce((s, l) => s + l.amountFen, 0)
  const opening = yuan(56230.8)
  const drafts: NoticeDraftRequest[] = [
    {
      category: 'finance',
      title: `${month.label}村级财务收支公开`,
      body: `现将本村${month.label}财务收支情况公开如下，请村民监督。如有疑问，请在公示期内提出。`,
      lines,
      totals: {
        totalIncomeFen: income,
        totalExpenseFen: expense,
        openingBalanceFen: opening,
        closingBalanceFen: opening + income - expense,
      },
      coversPeriod: month.key,
    },
    {
      category: 'village',
      title: '关于召开村民代表会议的通知',
      body: '定于本月 28 日上午 9 时在村委会会议室召开村民代表会议，议题：村东头便民桥修建方案。请各户知悉，并点“已阅知”确认。',
      requiresAck: true,
    },
    {
      category: 'party',
      title: '主题党日活动安排',
      body: '本月主题党日活动定于 25 日下午 2 时举行，内容为学习村民委员会组织法，请全体党员准时参加。',
    },
  ]
  for (const draft of drafts) {
    const created = await notices.create(a, noticeDraftSchema.parse(draft))
    await notices.publish(a, created.id, {})
  }
}
