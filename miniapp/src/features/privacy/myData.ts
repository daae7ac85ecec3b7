import type { DataDeletionView, MyDataExport } from '@xiangli/shared'

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0)
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

export interface DataLine {
  label: string
  detail: string
}

/** 我的数据 at a glance: one line per kind of record, with how many there are. */
export function summarise(data: MyDataExport): DataLine[] {
  const s = data.sections
  const account = obj(s.account)
  const grievances = obj(s.grievances)
  const deliberations = obj(s.deliberations)
  const inbox = obj(s.inbox)
  const roster = Array.isArray(s.roster) ? (s.roster as { name?: string }[]) : []
  return [
    {
      label: '账号',
      detail: `${String(account.displayName ?? '')}${account.wechatLinked ? '，已关联微信' : ''}`,
    },
    { label: '登录记录', detail: `${count(account.sessions)} 次` },
    {
      label: '名册中的我',
      detail: roster.length ? roster.map((r) => r.name ?? '').join('、') : '没有关联',
    },
    { label: '实名认证申请', detail: `${count(s.verifications)} 条` },
    { label: '反映的问题', detail: `${count(grievances.raised)} 条，“+1” ${count(grievances.supported)} 次` },
    { label: '证明申请', detail: `${count(s.certificates)} 条` },
    { label: '对公开事项的异议', detail: `${count(s.objections)} 条` },
    { label: '议事意见', detail: `${count(deliberations.opinions)} 条` },
    {
      label: '联名提议',
      detail: `发起 ${count(deliberations.petitionsStarted)} 个，签名 ${count(deliberations.petitionsSigned)} 个`,
    },
    { label: '回答过的问卷', detail: `${count(s.polls)} 份（只记录回答过，不记录选了什么）` },
    { label: '参加村务得的积分', detail: `${count(s.points)} 条` },
    { label: '站内消息', detail: `${count(inbox.messages)} 条` },
    { label: '同意过的隐私说明', detail: `${count(s.consents)} 次` },
  ]
}

/** Where a deletion request stands, in a sentence. */
export function deletionLine(d: DataDeletionView | null): string | null {
  if (!d) return null
  if (d.state === 'pending') return `已于 ${d.requestedAt.slice(0, 10)} 申请删除，正在等待系统管理员处理`
  return `删除申请已于 ${(d.processedAt ?? '').slice(0, 10)} 处理完毕`
}

/** A deletion may be asked for unless one is already waiting. */
export const canAskDeletion = (d: DataDeletionView | null): boolean => d?.state !== 'pending'
