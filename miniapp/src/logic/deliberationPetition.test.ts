import {
  checkPetitionForm,
  criterionLine,
  petitionButtons,
  petitionTone,
  targetOptions,
} from './deliberationPetition'

describe('petitions', () => {
  it('shows each criterion against its threshold', () => {
    expect(
      criterionLine({
        criterion: 'villagers',
        label: '十八周岁以上村民',
        signed: 2,
        total: 40,
        needed: 4,
        met: false,
      }),
    ).toEqual({ text: '十八周岁以上村民：已签 2 人，需要 4 人（共 40 人）', percent: 50, met: false })
    expect(
      criterionLine({ criterion: 'households', label: '户', signed: 5, total: 14, needed: 3, met: true }),
    ).toEqual({ text: '户：已签 5 户，需要 3 户（共 14 户），已达到', percent: 100, met: true })
  })

  it('offers signing, withdrawing and convening only where the server allows', () => {
    const base = {
      canSign: false,
      signedByMe: true,
      cannotSignReason: null,
      isMine: true,
      status: 'open' as const,
      canConvene: false,
    }
    expect(petitionButtons(base)).toEqual({ sign: false, withdraw: true, convene: false, note: '您已签名' })
    expect(
      petitionButtons({ ...base, signedByMe: false, isMine: false, cannotSignReason: '您不是村民代表' }),
    ).toEqual({ sign: false, withdraw: false, convene: false, note: '您不是村民代表' })
    expect(petitionButtons({ ...base, status: 'reached', canConvene: true }).withdraw).toBe(false)
    expect(petitionButtons({ ...base, status: 'reached', canConvene: true }).convene).toBe(true)
    expect(petitionTone('reached')).toBe('waiting')
  })

  it('offers a village its two meetings and a community its one', () => {
    expect(targetOptions('village').map((o) => o.label)).toEqual(['村民会议', '村民代表会议'])
    expect(targetOptions('community').map((o) => o.label)).toEqual(['居民会议'])
  })

  it('checks the form with the shared rules', () => {
    expect(checkPetitionForm({ target: 'villagers_meeting', title: ' ', text: '' })).toEqual({
      ok: false,
      errors: { title: '请填写提议召开会议的事由', text: '请填写具体内容' },
    })
    expect(checkPetitionForm({ target: 'villagers_meeting', title: '修路', text: '请开村民会议' })).toEqual({
      ok: true,
      value: { target: 'villagers_meeting', title: '修路', text: '请开村民会议' },
    })
  })
})
