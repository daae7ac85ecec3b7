/**
 * Whether a person accepted a message of a template: the outbox asks before every send, and the
 * module that keeps the acceptances (the inbox) answers. Taking is idempotent per message, so a
 * retried send spends no second credit, and two messages never spend the same one.
 */
export interface SendCredits {
  take(accountId: number, templateId: string, messageId: number, now: Date): Promise<boolean>
}
export const SEND_CREDITS = Symbol('SEND_CREDITS')

/** What the outbox did with messages: per instance since it started, and per run. */
export interface OutboxCounts {
  sent: number
  refused: number
  skipped: number
  failed: number
  retrying: number
}
export const noCounts = (): OutboxCounts => ({ sent: 0, refused: 0, skipped: 0, failed: 0, retrying: 0 })
