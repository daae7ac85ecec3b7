import { createHash } from 'node:crypto'
import {
  asSuggest,
  moderationFor,
  partsOf,
  pushSignatureValid,
  retryAt,
  sceneOf,
} from '../../src/modules/content-check/content-check.rules'
import type { ContentCheckMedia } from '../../src/modules/content-check/entities/content-check.entity'

const TOKEN = 'push-token'
const signed = (timestamp: string, nonce: string, token = TOKEN) => ({
  signature: createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex'),
  timestamp,
  nonce,
})
const photo = (o: Partial<ContentCheckMedia> = {}): ContentCheckMedia => ({
  id: 1,
  checkId: 1,
  fileId: 9,
  traceId: null,
  suggest: null,
  label: null,
  ...o,
})

describe('pushSignatureValid', () => {
  it('accepts the sha1 of the sorted token, timestamp and nonce', () => {
    expect(pushSignatureValid(TOKEN, signed('1733480000', 'abc123'))).toBe(true)
  })
  it('accepts it in capitals too', () => {
    const q = signed('1733480000', 'abc123')
    expect(pushSignatureValid(TOKEN, { ...q, signature: q.signature.toUpperCase() })).toBe(true)
  })
  it('refuses a signature made with another token', () => {
    expect(pushSignatureValid(TOKEN, signed('1733480000', 'abc123', 'other'))).toBe(false)
  })
  it('refuses a signature moved to another timestamp', () => {
    expect(pushSignatureValid(TOKEN, { ...signed('1733480000', 'abc123'), timestamp: '1733480001' })).toBe(
      false,
    )
  })
  it('refuses a push without the three parts', () => {
    expect(pushSignatureValid(TOKEN, { signature: '', timestamp: '1', nonce: '2' })).toBe(false)
    expect(pushSignatureValid(TOKEN, { signature: 'abc', timestamp: '1', nonce: '2' })).toBe(false)
  })
})

describe('partsOf', () => {
  it('counts the text only when there is some', () => {
    expect(partsOf({ text: '  ', textSuggest: null }, [])).toEqual([])
    expect(partsOf({ text: '有话说', textSuggest: null }, [])).toEqual(['unasked'])
  })
  it('tells a photo sent to WeChat from one not yet sent', () => {
    expect(
      partsOf({ text: '有话说', textSuggest: 'pass' }, [
        photo({ traceId: 't1' }),
        photo(),
        photo({ traceId: 't2', suggest: 'risky' }),
      ]),
    ).toEqual(['pass', 'waiting', 'unasked', 'risky'])
  })
})

describe('the rest of the rules', () => {
  it('reads an unknown pushed suggestion as wanting a person', () => {
    expect(asSuggest('pass')).toBe('pass')
    expect(asSuggest('weird')).toBe('review')
    expect(asSuggest(undefined)).toBe('review')
  })
  it("maps the check's status to the item's moderation", () => {
    expect(moderationFor('passed')).toBe('shown')
    expect(moderationFor('approved')).toBe('shown')
    expect(moderationFor('held')).toBe('held')
    expect(moderationFor('pending')).toBe('pending')
    expect(moderationFor('rejected')).toBe('rejected')
  })
  it('waits twice as long after each failed attempt, never more than an hour', () => {
    const now = new Date('2026-12-06T10:00:00Z')
    expect(retryAt(now, 0, 60_000).getTime() - now.getTime()).toBe(60_000)
    expect(retryAt(now, 3, 60_000).getTime() - now.getTime()).toBe(480_000)
    expect(retryAt(now, 40, 60_000).getTime() - now.getTime()).toBe(3_600_000)
  })
  it('asks WeChat as a forum post for an issue and as a comment for a reply', () => {
    expect(sceneOf('grievance')).toBe(3)
    expect(sceneOf('grievance_reply')).toBe(2)
  })
})
