import { canonicalJson, digest, entryHash, GENESIS_HASH, sha256 } from '../../src/core/audit/audit.service'
import type { AuditEntry } from '../../src/core/audit/entities/audit-entry.entity'

type Fields = Omit<AuditEntry, 'hash' | 'seq'>
const fields = (overrides: Partial<Fields> = {}): Fields => ({
  chain: 3,
  link: 2,
  actorAccountId: 7,
  actorName: '张丽',
  actorRole: 'committee_member',
  orgId: 3,
  action: 'verification.confirmed',
  targetType: 'verification',
  targetId: '11',
  beforeDigest: 'a'.repeat(64),
  afterDigest: 'b'.repeat(64),
  at: '2024-06-15T08:00:00.000Z',
  prevHash: GENESIS_HASH,
  ...overrides,
})

describe('canonicalJson', () => {
  it('does not depend on the order of keys, at any depth', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 3 }], x: '乡里' } }
    const b = { a: { x: '乡里', y: [1, { p: 3, q: 2 }] }, b: 1 }
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalJson(a)).toBe('{"a":{"x":"乡里","y":[1,{"p":3,"q":2}]},"b":1}')
  })

  it('keeps the order of array items', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
  })

  it('leaves out undefined properties and writes null for a missing value', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}')
    expect(canonicalJson(undefined)).toBe('null')
  })

  it('writes dates as ISO text', () => {
    expect(canonicalJson({ at: new Date('2024-06-15T08:00:00Z') })).toBe('{"at":"2024-06-15T08:00:00.000Z"}')
  })

  it('tells a number from the same digits as text', () => {
    expect(canonicalJson({ id: 1 })).not.toBe(canonicalJson({ id: '1' }))
  })
})

describe('digest', () => {
  it('is null for nothing and the same for equal objects written in another order', () => {
    expect(digest(undefined)).toBeNull()
    expect(digest(null)).toBeNull()
    expect(digest({ a: 1, b: 2 })).toBe(digest({ b: 2, a: 1 }))
    expect(digest({ a: 1 })).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('entryHash', () => {
  const base = entryHash(fields())

  it('is a sha256 hex digest and the same for the same fields', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(entryHash(fields())).toBe(base)
  })

  const changes: { [K in keyof Fields]: Fields[K] } = {
    chain: 4,
    link: 3,
    actorAccountId: 8,
    actorName: '张莉',
    actorRole: 'party_secretary',
    orgId: 4,
    action: 'verification.rejected',
    targetType: 'account',
    targetId: '12',
    beforeDigest: null,
    afterDigest: 'c'.repeat(64),
    at: '2024-06-15T08:00:00.001Z',
    prevHash: 'f'.repeat(64),
  }

  it('covers every field', () => {
    expect(Object.keys(changes).sort()).toEqual(Object.keys(fields()).sort())
  })

  it.each(Object.entries(changes))('changes when %s changes', (key, value) => {
    expect(entryHash(fields({ [key]: value }))).not.toBe(base)
  })

  it('on chain 0 is the hash entries had before chains were split, the link in place of the sequence number', () => {
    const f = fields({ chain: 0, link: 2 })
    const before = sha256(
      f.prevHash +
        '\n' +
        canonicalJson([
          2,
          f.actorAccountId,
          f.actorName,
          f.actorRole,
          f.orgId,
          f.action,
          f.targetType,
          f.targetId,
          f.beforeDigest,
          f.afterDigest,
          f.at,
        ]),
    )
    expect(entryHash(f)).toBe(before)
    expect(entryHash(fields({ chain: 3, link: 2 }))).not.toBe(before)
  })

  it('tells a null actor from an actor named "null"', () => {
    expect(entryHash(fields({ actorName: null }))).not.toBe(entryHash(fields({ actorName: 'null' })))
  })
})
