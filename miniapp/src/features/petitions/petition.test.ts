import { MATTER_TYPES, type PetitionCriterionView, type PetitionView } from '@xiangli/shared'
import {
  checkConveneForm,
  checkPetitionForm,
  conveneDraft,
  MATTER_OPTIONS,
  petitionActions,
  petitionProgress,
  petitionStatusTag,
  petitionTone,
  PETITION_PAGES,
  PETITION_STATUS_CHIPS,
  progressLine,
  signConfirmText,
  stillNeeded,
  targetOptions,
  thresholdRule,
} from './petition'

const villagers = (signed: number, total = 35, needed = 4): PetitionCriterionView => ({
  criterion: 'villagers',
  label: '十八周岁以上村民',
  signed,
  total,
  needed,
  met: signed >= needed,
})
const representatives = (signed: number, total = 7, needed = 3): PetitionCriterionView => ({
  criterion: 'representatives',
  label: '村民代表',
  signed,
  total,
  needed,
  met: signed >= needed,
})

const view = (over: Partial<PetitionView> = {}): PetitionView => ({
  id: 7,
  target: 'villagers_meeting',
  targetLabel: '村民会议',
  title: '提议召开村民会议讨论修路',
  status: 'open',
  statusLabel: '正在联名',
  initiatorName: '王秀英',
  signatures: 1,
  createdAt: '2026-11-25T08:00:00.000Z',
  moderation: { state: 'shown', note: null },
  text: '村北的土路一下雨就没法走。',
  criteria: [villagers(1), representatives(0)],
  reached: false,
  reachedAt: null,
  deliberationId: null,
  withdrawnAt: null,
  signedByMe: false,
  canSign: true,
  cannotSignReason: null,
  isMine: false,
  canConvene: false,
  paperSheets: [],
  canRecordPaper: false,
  ...over,
})

describe('the legal threshold in plain words', () => {
  it('says a villagers’ meeting is forced by a tenth of the adults or a third of the representatives', () => {
    expect(thresholdRule('villagers_meeting')).toBe(
      '本村十八周岁以上村民的十分之一以上，或者村民代表的三分之一以上联名提议，村委会就应当召集村民会议。',
    )
  })

  it('says a representatives’ meeting is forced by a fifth of the representatives (Art 26)', () => {
    expect(thresholdRule('representatives_meeting')).toBe(
      '本村村民代表的五分之一以上联名提议，村委会就应当召集村民代表会议。',
    )
  })

  it('offers a village its two meetings and a community its residents’ meeting, each with who may sign', () => {
    const village = targetOptions('village')
    expect(village.map((o) => o.label)).toEqual(['村民会议', '村民代表会议'])
    expect(village[1].help).toContain('可以联名的人：村民代表。')
    const community = targetOptions('community')
    expect(community.map((o) => o.value)).toEqual(['residents_meeting'])
    expect(community[0].help).toMatch(/^本社区十八周岁以上居民的五分之一以上，或者户的五分之一以上/)
  })
})

describe('progress', () => {
  it('reads 已有 N 人联名，需 M 人 on the criterion closest to its threshold', () => {
    const p = petitionProgress(view({ signatures: 3, criteria: [villagers(3), representatives(1)] }))
    expect(p.headline).toBe('已有 3 人联名，需 4 人')
    expect(p.percent).toBe(75)
    expect(p.reached).toBe(false)
    expect(p.lines.map((l) => l.text)).toEqual([
      '十八周岁以上村民：已有 3 人联名，需 4 人（共 35 人的十分之一以上）',
      '村民代表：已有 1 人联名，需 3 人（共 7 人的三分之一以上）',
    ])
  })

  it('leads with the representatives when they are closer than the villagers', () => {
    const p = petitionProgress(view({ signatures: 3, criteria: [villagers(3, 100, 10), representatives(2)] }))
    expect(p.headline).toBe('已有 2 人联名，需 3 人')
    expect(p.percent).toBe(66)
  })

  it('shows a full bar and 已达到法定人数 once any criterion is met', () => {
    const p = petitionProgress(
      view({ status: 'reached', reached: true, signatures: 5, criteria: [villagers(5), representatives(1)] }),
    )
    expect(p).toMatchObject({ headline: '已有 5 人联名，已达到法定人数', percent: 100, reached: true })
    expect(p.lines[0]).toMatchObject({ met: true, percent: 100 })
    expect(p.lines[0].text).toMatch(/，已达到$/)
  })

  it('never draws a bar past full, and a criterion needing nobody as full', () => {
    expect(progressLine('villagers_meeting', villagers(9)).percent).toBe(100)
    expect(progressLine('villagers_meeting', { ...villagers(0), needed: 0, met: true }).percent).toBe(100)
  })

  it('says how many more are needed while it is open, and nothing after', () => {
    expect(stillNeeded(view({ criteria: [villagers(1), representatives(2)] }))).toBe(
      '再有 1 名村民代表联名，就达到法定人数。',
    )
    expect(stillNeeded(view({ criteria: [villagers(2), representatives(0)] }))).toBe(
      '再有 2 名十八周岁以上村民联名，就达到法定人数。',
    )
    expect(stillNeeded(view({ status: 'reached', reached: true }))).toBeNull()
    expect(stillNeeded(view({ status: 'withdrawn' }))).toBeNull()
  })

  it('counts households in 户', () => {
    const line = progressLine('residents_meeting', {
      criterion: 'households',
      label: '户',
      signed: 2,
      total: 20,
      needed: 4,
      met: false,
    })
    expect(line.text).toBe('户：已有 2 户联名，需 4 户（共 20 户的五分之一以上）')
  })
})

describe('buttons and my status', () => {
  it('lets an eligible villager who has not signed sign, and nothing else', () => {
    expect(petitionActions(view())).toEqual({
      sign: true,
      withdraw: false,
      convene: false,
      deliberation: false,
      myStatus: '您还没有联名。',
    })
  })

  it('lets the initiator withdraw only while it is open', () => {
    const mine = { isMine: true, signedByMe: true, canSign: false }
    expect(petitionActions(view(mine))).toMatchObject({ withdraw: true, sign: false })
    expect(petitionActions(view(mine)).myStatus).toBe('这是您发起的联名，您已经签了名。')
    expect(petitionActions(view({ ...mine, status: 'reached', reached: true })).withdraw).toBe(false)
  })

  it('tells a signer they signed, and someone who may not sign why', () => {
    expect(petitionActions(view({ signedByMe: true, canSign: false })).myStatus).toBe('您已联名。')
    const kid = petitionActions(
      view({ canSign: false, cannotSignReason: '只有十八周岁以上的村民或村民代表可以联名' }),
    )
    expect(kid).toMatchObject({ sign: false, myStatus: '只有十八周岁以上的村民或村民代表可以联名' })
  })

  it('gives the committee the convene button on a reached petition only', () => {
    expect(petitionActions(view({ status: 'reached', reached: true, canConvene: true })).convene).toBe(true)
    expect(petitionActions(view({ status: 'convened', canConvene: true })).convene).toBe(false)
  })

  it('links the deliberation once convened, and takes no more signatures', () => {
    const a = petitionActions(view({ status: 'convened', canSign: false, deliberationId: 12 }))
    expect(a).toMatchObject({ sign: false, convene: false, deliberation: true })
    expect(a.myStatus).toBe('这份联名已列入议事，不再签名。')
    expect(petitionActions(view({ status: 'convened', signedByMe: true, canSign: false })).myStatus).toBe(
      '您已联名，这份联名已列入议事。',
    )
  })

  it('tells the initiator they withdrew it, and everyone else that it was withdrawn', () => {
    const withdrawn = { status: 'withdrawn' as const, canSign: false, signedByMe: true }
    expect(petitionActions(view({ ...withdrawn, isMine: true }))).toMatchObject({
      sign: false,
      withdraw: false,
      myStatus: '您已撤回这份联名，不再签名。',
    })
    expect(petitionActions(view(withdrawn)).myStatus).toBe('这份联名已由发起人撤回，不再签名。')
  })

  it('asks before signing with what the person puts their name to', () => {
    expect(signConfirmText(view())).toBe(
      '同意提议召开村民会议，事由：“提议召开村民会议讨论修路”。签名会用您的实名，签了不能撤回。',
    )
  })

  it('colours each status and offers a chip for each', () => {
    expect(petitionTone('reached')).toBe('waiting')
    expect(petitionStatusTag('reached')).toBe('已达到法定人数')
    expect(petitionStatusTag('open')).toBe('正在联名')
    expect(petitionTone('convened')).toBe('done')
    expect(PETITION_STATUS_CHIPS.map((c) => c.value)).toEqual([
      'all',
      'open',
      'reached',
      'convened',
      'withdrawn',
    ])
    expect(PETITION_PAGES.detail).toBe('/subpackages/petition/pages/detail/index')
  })
})

describe('the start form', () => {
  it('accepts a title and a text, trimmed', () => {
    expect(checkPetitionForm({ target: 'villagers_meeting', title: ' 修路 ', text: ' 集资修路 ' })).toEqual({
      ok: true,
      value: { target: 'villagers_meeting', title: '修路', text: '集资修路' },
    })
  })

  it('names each blank or too long field in Chinese', () => {
    const r = checkPetitionForm({ target: 'villagers_meeting', title: '  ', text: '' })
    expect(r).toEqual({ ok: false, errors: { title: '请填写提议召开会议的事由', text: '请填写具体内容' } })
    const long = checkPetitionForm({ target: 'villagers_meeting', title: '路'.repeat(61), text: '修' })
    expect(long).toEqual({ ok: false, errors: { title: '提议召开会议的事由最多 60 个字' } })
  })
})

describe('convening a reached petition', () => {
  it('drafts the deliberation from the petition, as an ordinary matter by default', () => {
    const d = conveneDraft(view({ signatures: 5, title: '路'.repeat(60) }))
    expect(d.title).toHaveLength(60)
    expect(d.content).toBe('根据 5 名村（居）民联名提议召开村民会议：\n村北的土路一下雨就没法走。')
    expect(d.matterType).toBe('ordinary')
    expect(MATTER_OPTIONS[0]).toEqual({ value: 'ordinary', label: '一般事项' })
    expect(MATTER_OPTIONS).toHaveLength(MATTER_TYPES.length)
  })

  it('builds the create request with the petition as its source', () => {
    const r = checkConveneForm({ title: '修路', content: '讨论修路', matterType: 'public_works' }, 7)
    expect(r).toMatchObject({
      ok: true,
      value: { title: '修路', matterType: 'public_works', source: { kind: 'petition', petitionId: 7 } },
    })
  })

  it('refuses a blank title or content', () => {
    expect(checkConveneForm({ title: '', content: ' ', matterType: 'ordinary' }, 7)).toEqual({
      ok: false,
      errors: { title: '请填写议题', content: '请填写议题内容' },
    })
  })
})
