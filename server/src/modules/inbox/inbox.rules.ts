import type { NewNotification, NewOutboxMessage } from './inbox.repository'

/** What a workflow tells people: one inbox message each, and a WeChat message where they came from WeChat. */
export interface NoticeToSend {
  accountIds: number[]
  orgId: number | null
  kind: string
  title: string
  body: string
  link?: string | null
}

/** The title column holds 100 characters. */
const TITLE_MAX = 100
/** A subscribe message's thing fields take at most 20 characters. */
const THING_MAX = 20

/** The inbox message each of these people gets. */
export const inboxRows = (n: NoticeToSend, accountIds: number[]): NewNotification[] =>
  accountIds.map((accountId) => ({
    accountId,
    orgId: n.orgId,
    kind: n.kind,
    title: n.title.slice(0, TITLE_MAX),
    body: n.body,
    link: n.link ?? null,
    readAt: null,
  }))

/** The subscribe message queued for each WeChat openid, due at once. */
export const wechatRows = (
  n: NoticeToSend,
  openids: string[],
  templateId: string,
  now: Date,
): NewOutboxMessage[] =>
  openids.map((openid) => ({
    openid,
    templateId,
    page: n.link ?? null,
    data: { thing1: { value: n.title.slice(0, THING_MAX) }, thing2: { value: n.body.slice(0, THING_MAX) } },
    state: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    claimedUntil: null,
    lastError: null,
    sentAt: null,
  }))
