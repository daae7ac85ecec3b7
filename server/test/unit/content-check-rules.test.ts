import { createHash } from 'node:crypto'
import {
  asSuggest,
  lostPush,
  MEDIA_ASKS,
  moderationFor,
  partsOf,
  pushSignatureValid,
  pushWaitEnds,
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
  askedAt: null,
  asks: 0,
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

describe('a photo whose result was not pushed', () => {
  const WAIT = 30 * 60_000
  const asked = new Date('2026-12-06T08:00:00Z')
  const at = (minutes: number) => new Date(asked.getTime() + minutes * 60_000)

  it('waits for the push until the wait is over, then asks WeChat again', () => {
    expect(lostPush(photo({ traceId: 't1', askedAt: asked, asks: 1 }), at(29), WAIT)).toBe('wait')
    expect(lostPush(photo({ traceId: 't1', askedAt: asked, asks: 1 }), at(30), WAIT)).toBe('ask_again')
  })
  it(`gives the photo to the 两委 after ${MEDIA_ASKS} questions without an answer`, () => {
    expect(lostPush(photo({ traceId: 't3', askedAt: asked, asks: MEDIA_ASKS }), at(31), WAIT)).toBe('give_up')
    expect(lostPush(photo({ traceId: 't3', askedAt: asked, asks: MEDIA_ASKS }), at(10), WAIT)).toBe('wait')
  })
  it('looks again when the first wait of the photos still waiting ends', () => {
    const media = [
      photo({ traceId: 'a', askedAt: at(5) }),
      photo({ traceId: 'b', askedAt: asked }),
      // answered, or never asked: nothing to wait for
      photo({ traceId: 'c', askedAt: at(-60), suggest: 'pass' }),
      photo({ traceId: null }),
    ]
    expect(pushWaitEnds(media, WAIT)).toEqual(at(30))
    expect(pushWaitEnds([photo({ traceId: 'c', askedAt: asked, suggest: 'risky' })], WAIT)).toBeNull()
  })
})
