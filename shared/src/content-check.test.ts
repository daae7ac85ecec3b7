import { moderationNote, moderationOf, reviewContent, visibleTo } from './content-check'

describe('moderationOf', () => {
  it('shows an item whose every part passed', () => {
    expect(moderationOf(['pass', 'pass'])).toBe('shown')
  })
  it('shows an item with nothing to check', () => {
    expect(moderationOf([])).toBe('shown')
  })
  it('holds an item as soon as one part is risky, without waiting for the photos', () => {
    expect(moderationOf(['risky', 'waiting'])).toBe('held')
  })
  it('holds an item WeChat wants a person to look at', () => {
    expect(moderationOf(['pass', 'review'])).toBe('held')
  })
  it('keeps an item pending while a photo result has not come back', () => {
    expect(moderationOf(['pass', 'waiting'])).toBe('pending')
  })
  it('keeps an item pending while WeChat could not be reached', () => {
    expect(moderationOf(['unasked'])).toBe('pending')
  })
})

describe('visibleTo', () => {
  const other = { isAuthor: false, isCommittee: false }
  it('shows a shown item to anyone', () => {
    expect(visibleTo('shown', other)).toBe(true)
  })
  it.each(['pending', 'held', 'rejected'] as const)('hides a %s item from other residents', (m) => {
    expect(visibleTo(m, other)).toBe(false)
  })
  it.each(['pending', 'held', 'rejected'] as const)('shows a %s item to its writer and the 两委', (m) => {
    expect(visibleTo(m, { isAuthor: true, isCommittee: false })).toBe(true)
    expect(visibleTo(m, { isAuthor: false, isCommittee: true })).toBe(true)
  })
})

describe('reviewContent', () => {
  it('shows an approved item', () => {
    expect(reviewContent('held', 'approve')).toEqual({ ok: true, value: 'shown' })
  })
  it('keeps a rejected item hidden', () => {
    expect(reviewContent('held', 'reject')).toEqual({ ok: true, value: 'rejected' })
  })
  it('lets the 两委 decide an item still waiting on WeChat', () => {
    expect(reviewContent('pending', 'approve')).toEqual({ ok: true, value: 'shown' })
  })
  it.each(['shown', 'rejected'] as const)('refuses to decide a %s item again', (m) => {
    expect(reviewContent(m, 'approve')).toEqual({ ok: false, code: 'CONTENT_ALREADY_REVIEWED' })
  })
})

describe('moderationNote', () => {
  it('says nothing on a shown item', () => {
    expect(moderationNote('shown')).toBeNull()
  })
  it('tells the writer the item is being checked', () => {
    expect(moderationNote('pending')).toContain('内容审核中')
    expect(moderationNote('held')).toContain('内容审核中')
  })
  it("gives the 两委's reason on a rejected item", () => {
    expect(moderationNote('rejected', '含有他人电话号码')).toBe('未通过审核：含有他人电话号码')
  })
  it('has a plain reason when none was written', () => {
    expect(moderationNote('rejected', '  ')).toBe('未通过审核：内容不合适')
  })
})
