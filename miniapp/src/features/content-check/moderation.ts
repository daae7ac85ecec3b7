import {
  deliberationPage,
  grievancePage,
  noticePage,
  petitionPage,
  type ContentCheckView,
  type ModerationView,
} from '@xiangli/shared'
import type { StateTone } from '@/components/StateTag'

/** What the writer (and the 两委) see on an item others cannot see yet; null on a shown item. */
export function moderationBadge(m: ModerationView): { tone: StateTone; label: string; note: string } | null {
  switch (m.state) {
    case 'shown':
      return null
    case 'pending':
    case 'held':
      return { tone: 'waiting', label: '内容审核中', note: m.note ?? '内容审核中' }
    case 'rejected':
      return { tone: 'stopped', label: '未通过审核', note: m.note ?? '未通过审核' }
  }
}

/** WeChat's labels (内容安全 v2), in the words a committee member reads. */
const LABELS: Record<string, string> = {
  '10001': '广告',
  '20001': '时政',
  '20002': '色情',
  '20003': '辱骂',
  '20006': '违法犯罪',
  '20008': '欺诈',
  '20012': '低俗',
  '20013': '版权',
  '21000': '其他',
  no_openid: '不是从微信登录的，无法自动检测',
  no_push: '微信多次没有返回图片的检测结果',
}

/** Labels that say why WeChat could not judge, not what it found. */
const UNJUDGED = new Set(['no_openid', 'no_push'])

/** Why an item is in the queue, for the card. */
export function flaggedFor(c: Pick<ContentCheckView, 'label' | 'status'>): string {
  if (c.status === 'pending') return '微信暂时没有答复，可以先由村委会审核'
  if (!c.label) return '微信建议人工审核'
  if (c.label.startsWith('wx')) return `微信无法检测（错误码 ${c.label.slice(2)}），请人工审核`
  if (UNJUDGED.has(c.label)) return `${LABELS[c.label]}，请人工审核`
  return `微信检测到可能含有：${LABELS[c.label] ?? `类别 ${c.label}`}`
}

/** The reject reason as the form checks it before sending: required, at most 200 characters. */
export function rejectReasonProblem(text: string): string | null {
  const t = text.trim()
  if (!t) return '请写明原因，发布人会看到'
  if (t.length > 200) return '原因最多 200 个字'
  return null
}

/** The page a checked item is read on, for the 两委 looking at it in the queue. */
export function pageOfCheck(
  c: Pick<ContentCheckView, 'kind' | 'itemId' | 'parentId'>,
  villageId: number,
): string {
  switch (c.kind) {
    case 'petition':
      return petitionPage(c.itemId, villageId)
    case 'grievance':
      return grievancePage('committee', c.itemId)
    case 'grievance_reply':
    case 'grievance_answer':
      return grievancePage('committee', c.parentId ?? c.itemId)
    case 'objection':
    case 'objection_answer':
      return noticePage('committee', c.parentId ?? 0)
    case 'opinion':
      return deliberationPage(c.parentId ?? 0)
    case 'notice':
      return noticePage('committee', c.parentId ?? 0)
  }
}
