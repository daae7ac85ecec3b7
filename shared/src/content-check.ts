/**
 * 内容安全: what residents write for others to read passes WeChat's text check (msgSecCheck) and its
 * photos the media check (mediaCheckAsync) before anyone else sees it. The one rule of who sees a
 * checked item is `visibleTo`; the item's `moderation` says where it stands.
 */
import { z } from 'zod'
import { err, ok, type Result } from './result'

/**
 * Where a checked item stands:
 * - shown: passed (or approved by the 两委), everyone who may read it sees it
 * - pending: the check has not answered yet (WeChat slow or unreachable, a photo still being looked at)
 * - held: WeChat found it risky or asked for a person to look; waits for the 两委
 * - rejected: the 两委 looked and keep it hidden, with a reason the writer sees
 */
export const MODERATIONS = ['shown', 'pending', 'held', 'rejected'] as const
export type Moderation = (typeof MODERATIONS)[number]

/** What WeChat suggests for one text or one photo. */
export const CHECK_SUGGESTS = ['pass', 'review', 'risky'] as const
export type CheckSuggest = (typeof CHECK_SUGGESTS)[number]

/** The kinds of items checked; each module that owns one registers it with the content check. */
export const CONTENT_KINDS = [
  'grievance',
  'grievance_reply',
  'grievance_answer',
  'petition',
  'objection',
  'objection_answer',
  'opinion',
  'notice',
] as const
export type ContentKind = (typeof CONTENT_KINDS)[number]

export const CONTENT_KIND_LABELS: Record<ContentKind, string> = {
  grievance: '村民说事',
  grievance_reply: '说事的留言',
  grievance_answer: '说事的答复',
  petition: '联名提议',
  objection: '对公告的异议',
  objection_answer: '异议的答复',
  opinion: '议事的意见',
  notice: '村务公告',
}

/**
 * One part of an item as far as the check got: a suggestion, or `waiting` (asked, the answer not
 * back: a photo's result comes later as a push), or `unasked` (WeChat could not be reached yet).
 */
export type PartResult = CheckSuggest | 'waiting' | 'unasked'

/**
 * The item's standing from its parts: held as soon as one part is risky or wants a person (no need
 * to wait for the rest), shown when every part passed, pending otherwise. No parts at all: shown.
 */
export function moderationOf(parts: readonly PartResult[]): 'shown' | 'pending' | 'held' {
  if (parts.some((p) => p === 'risky' || p === 'review')) return 'held'
  return parts.every((p) => p === 'pass') ? 'shown' : 'pending'
}

/**
 * The writer and the 两委 see an item whatever its standing (the township, overseeing the village,
 * reads what the 两委 read); everyone else only once it is shown.
 */
export function visibleTo(moderation: Moderation, who: { isAuthor: boolean; isCommittee: boolean }): boolean {
  return moderation === 'shown' || who.isAuthor || who.isCommittee
}

/**
 * A formal answer (to an issue or an objection) is also read, whatever its standing, by the person it
 * answers: it is addressed to them, they were already told its words, and they act on it (rate it,
 * accept it, take it further). Other readers see it once it is shown.
 */
export const answerVisibleTo = (
  moderation: Moderation,
  who: { isAuthor: boolean; isCommittee: boolean; isAddressee: boolean },
): boolean => who.isAddressee || visibleTo(moderation, who)

export const REVIEW_DECISIONS = ['approve', 'reject'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/**
 * The 两委's review: an item held (or still waiting on WeChat) can be approved (shown) or rejected
 * (stays hidden, with a reason); a decided item is not decided again.
 */
export function reviewContent(
  current: Moderation,
  decision: ReviewDecision,
): Result<'shown' | 'rejected', 'CONTENT_ALREADY_REVIEWED'> {
  if (current !== 'held' && current !== 'pending') return err('CONTENT_ALREADY_REVIEWED')
  return ok(decision === 'approve' ? 'shown' : 'rejected')
}

/** The sentence the writer (and the 两委) read on an item that others do not see yet; null when shown. */
export function moderationNote(moderation: Moderation, reason?: string | null): string | null {
  switch (moderation) {
    case 'shown':
      return null
    case 'pending':
      return '内容审核中，审核通过后其他人才能看到'
    case 'held':
      return '内容审核中：内容可能不合适，村委会看过后才对其他人显示'
    case 'rejected':
      return `未通过审核：${reason?.trim() || '内容不合适'}`
  }
}

/** How an item's standing travels in a view: its state and, for those who see it hidden, the note. */
export interface ModerationView {
  state: Moderation
  note: string | null
}

export const moderationView = (moderation: Moderation, reason?: string | null): ModerationView => ({
  state: moderation,
  note: moderationNote(moderation, reason),
})

// ---------- the 两委's review queue ----------

export const CONTENT_QUEUE_STATES = ['held', 'pending', 'rejected', 'approved'] as const
export type ContentQueueState = (typeof CONTENT_QUEUE_STATES)[number]

export const contentQueueQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  /** held (the default): what waits for the 两委 */
  status: z.enum(CONTENT_QUEUE_STATES).default('held'),
})
export type ContentQueueQuery = z.input<typeof contentQueueQuerySchema>

export const contentReviewSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    /** required to reject: the writer reads it */
    reason: z.string().trim().max(200).optional(),
  })
  .strict()
export type ContentReview = z.input<typeof contentReviewSchema>

/** One checked item as the 两委 review it. */
export interface ContentCheckView {
  id: number
  kind: ContentKind
  kindLabel: string
  itemId: number
  /** the item the text belongs to (a reply's issue), for the link to its page */
  parentId: number | null
  status: ContentQueueState
  text: string
  photoUrls: string[]
  /** WeChat's label of what it found (e.g. 20001 时政, 20006 违法犯罪), when it found something */
  label: string | null
  reason: string | null
  createdAt: string
  decidedAt: string | null
}

// ---------- WeChat's message push (消息推送) ----------

/** What WeChat adds to every push: the signature is sha1 of the sorted token, timestamp and nonce. */
export const wechatPushQuerySchema = z.object({
  signature: z.string().max(100).default(''),
  timestamp: z.string().max(20).default(''),
  nonce: z.string().max(100).default(''),
  /** on the verification GET only: answered back as it came */
  echostr: z.string().max(200).optional(),
  /** 安全模式: 'aes', with the signature over the encrypted message too */
  encrypt_type: z.string().max(10).optional(),
  msg_signature: z.string().max(100).optional(),
})

/** The push of a media check's result (JSON mode); other events are acknowledged and ignored. */
export const wechatPushBodySchema = z
  .object({
    Event: z.string().max(64).optional(),
    trace_id: z.string().max(128).optional(),
    result: z.object({ suggest: z.string().max(16), label: z.coerce.string().max(16).optional() }).optional(),
    /** 安全模式 / 兼容模式: the message, encrypted with the EncodingAESKey */
    Encrypt: z.string().max(20_000).optional(),
  })
  .passthrough()
