import {
  checkCreateForm,
  checkPublish,
  chinaDate,
  emptyCreateForm,
  noticeRuleText,
  parseChinaTime,
} from './deliberationForm'

describe('dates in Beijing time', () => {
  it('reads a typed date and time as Beijing time', () => {
    expect(parseChinaTime('2026-12-05', '19:30')?.toISOString()).toBe('2026-12-05T11:30:00.000Z')
    expect(parseChinaTime('2026-2-30')).toBeNull()
    expect(parseChinaTime('2026-12-05', '25:00')).toBeNull()
    expect(parseChinaTime('明天')).toBeNull()
  })
  it('takes the calendar day in Beijing, not in UTC', () => {
    expect(chinaDate(new Date('2026-11-25T16:30:00.000Z'))).toBe('2026-11-26')
  })
})

describe('checkCreateForm', () => {
  it('builds the request from a filled form', () => {
    const r = checkCreateForm({
      ...emptyCreateForm(),
      title: '修桥',
      content: '修一座水泥桥',
      matterType: 'public_works',
    })
    expect(r).toEqual({
      ok: true,
      value: {
        title: '修桥',
        content: '修一座水泥桥',
        matterType: 'public_works',
        source: { kind: 'cadre' },
        delegation: null,
      },
    })
  })
  it('says what is missing, in the shared words', () => {
    const r = checkCreateForm({ ...emptyCreateForm(), sourceKind: 'grievance', grievanceId: 'abc' })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.errors).toEqual({
        title: '请填写议题',
        content: '请填写议题内容',
        grievanceId: '请填写村民说事的编号（详情页上的数字）',
      })
  })
  it('links a resident’s issue and a delegation', () => {
    const r = checkCreateForm({
      ...emptyCreateForm(),
      title: '修桥',
      content: '内容',
      sourceKind: 'grievance',
      grievanceId: '12',
      delegation: '2026年第1次村民会议决议',
    })
    expect(r.ok && r.value.source).toEqual({ kind: 'grievance', grievanceId: 12 })
    expect(r.ok && r.value.delegation).toEqual({ resolution: '2026年第1次村民会议决议' })
  })
})

describe('a petition as the source', () => {
  it('names the petition the deliberation answers', () => {
    const r = checkCreateForm({
      ...emptyCreateForm(),
      title: '修路',
      content: '内容',
      sourceKind: 'petition',
      petitionId: '4',
    })
    expect(r.ok && r.value.source).toEqual({ kind: 'petition', petitionId: 4 })
    const bad = checkCreateForm({
      ...emptyCreateForm(),
      title: '修路',
      content: '内容',
      sourceKind: 'petition',
    })
    expect(!bad.ok && bad.errors.petitionId).toBe('请从联名提议的页面发起')
  })
})

describe('the notice rule', () => {
  it('states the 10-day rule for a villagers’ meeting and none for the party branch', () => {
    expect(noticeRuleText('villagers_meeting')).toBe('村民会议要至少提前 10 天发通知，先公布会议议题。')
    expect(noticeRuleText('party_members_meeting')).toBe(
      '党员大会要至少提前 3 天发通知，开会前把方案发给参会的党员。',
    )
    expect(noticeRuleText('party_branch')).toBeNull()
  })
  it('states the rule the server sent when the village changed it', () => {
    expect(
      noticeRuleText('villagers_meeting', { minDays: 15, agendaRequired: false, planRequired: false }),
    ).toBe('村民会议要至少提前 15 天发通知。')
  })
})

describe('checkPublish', () => {
  it('needs a title and the text', () => {
    expect(checkPublish('publish_results', '便民桥建成', '已通行')).toEqual({
      ok: true,
      value: { step: 'publish_results', title: '便民桥建成', text: '已通行' },
    })
    expect(checkPublish('publish_results', '', '')).toEqual({
      ok: false,
      errors: { title: '请填写公告标题', text: '请填写公告内容' },
    })
  })
})
