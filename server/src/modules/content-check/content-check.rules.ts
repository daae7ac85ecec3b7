import { createHash, timingSafeEqual } from 'node:crypto'
import type { CheckSuggest, Moderation, PartResult } from '@xiangli/shared'
import type { ContentCheck, ContentCheckMedia } from './entities/content-check.entity'

/**
 * WeChat signs each push (消息推送, plain-text mode) with sha1 of its token, the timestamp and the
 * nonce, sorted and joined; true when the signature is that.
 */
export function pushSignatureValid(
  token: string,
  q: { signature: string; timestamp: string; nonce: string },
): boolean {
  if (!q.signature || !q.timestamp || !q.nonce) return false
  const expected = createHash('sha1').update([token, q.timestamp, q.nonce].sort().join('')).digest('hex')
  const given = Buffer.from(q.signature.toLowerCase())
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected))
}

/** What WeChat pushed as a suggestion, read strictly: anything unknown wants a person to look. */
export const asSuggest = (s: string | undefined): CheckSuggest =>
  s === 'pass' || s === 'risky' || s === 'review' ? s : 'review'

/** The parts of a check as far as WeChat answered: the text (when there is any) and each photo. */
export function partsOf(
  c: Pick<ContentCheck, 'text' | 'textSuggest'>,
  media: ContentCheckMedia[],
): PartResult[] {
  const text: PartResult[] = c.text.trim() === '' ? [] : [c.textSuggest ?? 'unasked']
  return [...text, ...media.map((p): PartResult => p.suggest ?? (p.traceId ? 'waiting' : 'unasked'))]
}

/** The item's moderation for a check's status. */
export function moderationFor(status: ContentCheck['status']): Moderation {
  switch (status) {
    case 'passed':
    case 'approved':
      return 'shown'
    case 'pending':
      return 'pending'
    case 'held':
      return 'held'
    case 'rejected':
      return 'rejected'
  }
}

/** When an attempt WeChat could not answer is made again: doubling from the interval, at most an hour. */
export function retryAt(now: Date, attempts: number, intervalMs: number): Date {
  const wait = Math.min(intervalMs * 2 ** Math.min(attempts, 12), 3_600_000)
  return new Date(now.getTime() + Math.max(wait, intervalMs))
}

/** How many times WeChat is asked about a photo whose result never comes back before the 两委 decide. */
export const MEDIA_ASKS = 3

/**
 * A photo WeChat took but whose result was not pushed: wait for the push, ask again once the wait is
 * over (a push can be lost: the server was down, the network dropped it), or, after MEDIA_ASKS
 * questions, give it to the 两委.
 */
export function lostPush(
  p: Pick<ContentCheckMedia, 'askedAt' | 'asks'>,
  now: Date,
  waitMs: number,
): 'wait' | 'ask_again' | 'give_up' {
  if (p.askedAt && now.getTime() < p.askedAt.getTime() + waitMs) return 'wait'
  return p.asks >= MEDIA_ASKS ? 'give_up' : 'ask_again'
}

/** When the retry job looks again at photos still waiting for their push: the first wait to end. */
export function pushWaitEnds(
  media: Pick<ContentCheckMedia, 'traceId' | 'suggest' | 'askedAt'>[],
  waitMs: number,
): Date | null {
  const ends = media
    .filter((p) => p.traceId && !p.suggest && p.askedAt)
    .map((p) => p.askedAt!.getTime() + waitMs)
  return ends.length ? new Date(Math.min(...ends)) : null
}

/** Kinds written in answer to something (WeChat's scene 2, 评论); the others open a topic (3, 论坛). */
const COMMENTS: ReadonlySet<ContentCheck['kind']> = new Set([
  'grievance_reply',
  'grievance_answer',
  'objection_answer',
  'opinion',
])

/** WeChat's scene for a kind: 3 论坛 for an issue, a petition or an objection, 2 评论 for what answers one. */
export const sceneOf = (kind: ContentCheck['kind']): 2 | 3 => (COMMENTS.has(kind) ? 2 : 3)
