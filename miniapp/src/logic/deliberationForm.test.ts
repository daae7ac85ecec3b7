import {
  checkCreateForm,
  checkPublish,
  checkScheduleForm,
  chinaDate,
  emptyCreateForm,
  emptyScheduleForm,
  noticeHint,
  noticeRuleText,
  parseChinaTime,
} from './deliberationForm'

// 2026-11-25 22:30 in Beijing
const NOW = new Date('2026-11-25T14:30:00.000Z')

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
  it('proposes a meeting day far enough ahead', () => {
    expect(emptyScheduleForm('villagers_meeting', NOW).date).toBe('2026-12-05')
    expect(emptyScheduleForm('party_branch', NOW).date).toBe('2026-11-25')
  })
  it('says the earliest day and flags a day too early', () => {
    expect(noticeHint({ body: 'villagers_meeting', noticeDate: '2026-11-25', date: '2026-12-01' })).toEqual({
      text: '通知11月25日发出，最早12月5日开会；现在定的日子提前了 6 天',
      tooEarly: true,
      days: 6,
    })
    expect(
      noticeHint({ body: 'villagers_meeting', noticeDate: '2026-11-14', date: '2026-11-25' })?.tooEarly,
    ).toBe(false)
    expect(noticeHint({ body: 'joint_committees', noticeDate: '2026-11-25', date: '2026-11-25' })).toBeNull()
  })
})

describe('checkScheduleForm', () => {
  const filled = {
    ...emptyScheduleForm('villagers_meeting', NOW),
    agenda: '修建村东头便民桥',
    agendaPublished: true,
  }
  it('accepts a villagers’ meeting ten days after a notice today, sending no notice time', () => {
    const r = checkScheduleForm(filled, 'decide', NOW)
    expect(r).toEqual({
      ok: true,
      value: {
        step: 'decide',
        body: 'villagers_meeting',
        meetingAt: '2026-12-05T11:30:00.000Z',
        location: '村委会会议室',
        agenda: '修建村东头便民桥',
        agendaPublished: true,
        planSent: false,
        ballot: 'open',
      },
    })
  })
  it('sends the day of a paper notice posted earlier', () => {
    const r = checkScheduleForm(
      { ...filled, date: '2026-11-25', time: '23:00', noticeDate: '2026-11-14' },
      'decide',
      NOW,
    )
    expect(r.ok && r.value.noticeAt).toBe('2026-11-14T01:00:00.000Z')
  })
  it('refuses too short a notice, a notice in the future, and a missing agenda', () => {
    const r = checkScheduleForm({ ...filled, date: '2026-11-30', agendaPublished: false }, 'decide', NOW)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.errors).toEqual({
        date: '要提前 10 天通知，现在只提前了 5 天，最早12月5日开会',
        agendaPublished: '村民会议要先公布会议议题',
      })
    const later = checkScheduleForm({ ...filled, noticeDate: '2026-11-26' }, 'decide', NOW)
    expect(!later.ok && later.errors.noticeDate).toBe('通知日期不能晚于今天')
  })
  it('asks for the plan before a party members’ meeting, and for the place and agenda', () => {
    const r = checkScheduleForm(
      { ...emptyScheduleForm('party_members_meeting', NOW), location: ' ', agenda: '' },
      'review',
      NOW,
    )
    expect(!r.ok && r.errors).toEqual({
      planSent: '要先把方案发给参会的党员',
      location: '请填写开会地点',
      agenda: '请填写会议议题',
    })
  })
  it('refuses a meeting earlier today than a notice sent now', () => {
    const r = checkScheduleForm(
      { ...emptyScheduleForm('party_branch', NOW), date: '2026-11-25', time: '20:00', agenda: '议题' },
      'propose',
      NOW,
    )
    expect(!r.ok && r.errors).toEqual({ time: '通知今天才发，开会时间不能早于现在' })
  })

  it('refuses a typed date that is not one', () => {
    const r = checkScheduleForm({ ...filled, date: '12月5日' }, 'decide', NOW)
    expect(!r.ok && r.errors.date).toBe('请按 2026-12-05 这样填写开会日期')
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
