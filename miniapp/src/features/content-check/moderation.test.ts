import { flaggedFor, moderationBadge, pageOfCheck, rejectReasonProblem } from './moderation'

describe('moderationBadge', () => {
  it('shows nothing on an item others can see', () => {
    expect(moderationBadge({ state: 'shown', note: null })).toBeNull()
  })
  it('tells the writer an item is being checked', () => {
    expect(moderationBadge({ state: 'pending', note: '内容审核中，审核通过后其他人才能看到' })).toEqual({
      tone: 'waiting',
      label: '内容审核中',
      note: '内容审核中，审核通过后其他人才能看到',
    })
    expect(moderationBadge({ state: 'held', note: null })?.label).toBe('内容审核中')
  })
  it("gives the 两委's reason on a rejected item", () => {
    expect(moderationBadge({ state: 'rejected', note: '未通过审核：含有他人电话' })).toEqual({
      tone: 'stopped',
      label: '未通过审核',
      note: '未通过审核：含有他人电话',
    })
  })
})

describe('flaggedFor', () => {
  it("names what WeChat found in the committee's words", () => {
    expect(flaggedFor({ label: '20006', status: 'held' })).toBe('微信检测到可能含有：违法犯罪')
  })
  it('says when WeChat could not check the writer at all', () => {
    expect(flaggedFor({ label: 'wx61010', status: 'held' })).toContain('61010')
  })
  it('says why WeChat could not judge, rather than what it found', () => {
    expect(flaggedFor({ label: 'no_push', status: 'held' })).toBe(
      '微信多次没有返回图片的检测结果，请人工审核',
    )
    expect(flaggedFor({ label: 'no_openid', status: 'held' })).toBe(
      '不是从微信登录的，无法自动检测，请人工审核',
    )
  })
  it('says when WeChat has not answered yet', () => {
    expect(flaggedFor({ label: null, status: 'pending' })).toContain('没有答复')
  })
})

describe('rejectReasonProblem', () => {
  it('wants a reason', () => {
    expect(rejectReasonProblem('  ')).toBe('请写明原因，发布人会看到')
    expect(rejectReasonProblem('含有他人电话')).toBeNull()
  })
})

describe('pageOfCheck', () => {
  it('opens the page each kind of item is read on', () => {
    const c = (kind: Parameters<typeof pageOfCheck>[0]['kind']) =>
      pageOfCheck({ kind, itemId: 7, parentId: 3 }, 1)
    expect(c('grievance')).toMatch(/\?id=7$/)
    expect(c('grievance_answer')).toMatch(/grievance.*\?id=3$/)
    expect(c('objection')).toMatch(/notice.*\?id=3$/)
    expect(c('objection_answer')).toMatch(/notice.*\?id=3$/)
    expect(c('opinion')).toMatch(/deliberation.*\?id=3$/)
    // a notice's check is of one of its versions: the page is the notice's
    expect(c('notice')).toMatch(/notice.*\?id=3$/)
    expect(c('petition')).toMatch(/petition/)
  })
})
