import {
  admissionRule,
  movedInRule,
  oneYearBefore,
  residenceSettingsOf,
  transitionNewcomer,
  votesIn,
  type VoterStanding,
} from './residence'

const standing = (o: Partial<VoterStanding> = {}): VoterStanding => ({
  residency: 'registered',
  takesPartOn: null,
  admittedOn: null,
  ...o,
})
const NO = { admittedVoteOnOtherMatters: false }
const YES = { admittedVoteOnOtherMatters: true }

describe('who votes in an assembly (Art 13)', () => {
  it('counts a registered villager living here in every ballot', () => {
    expect(votesIn('villagers_meeting', 'other', standing(), NO)).toBe(true)
    expect(votesIn('villagers_meeting', 'election', standing(), NO)).toBe(true)
  })

  it('leaves out a villager living elsewhere until they say they will take part', () => {
    const away = standing({ residency: 'registered_away' })
    expect(votesIn('villagers_meeting', 'election', away, NO)).toBe(false)
    expect(votesIn('villager_group_meeting', 'other', away, NO)).toBe(false)
    const declared = standing({ residency: 'registered_away', takesPartOn: '2026-03-01' })
    expect(votesIn('villagers_meeting', 'election', declared, NO)).toBe(true)
    expect(votesIn('villagers_meeting', 'other', declared, NO)).toBe(true)
  })

  it('keeps a representative living elsewhere in the representatives meeting by their post', () => {
    expect(votesIn('representatives_meeting', 'other', standing({ residency: 'registered_away' }), NO)).toBe(
      true,
    )
  })

  it('leaves out a newcomer the meeting has not admitted, whatever the setting', () => {
    const newcomer = standing({ residency: 'non_registered' })
    for (const matter of ['election', 'other'] as const)
      for (const body of [
        'villagers_meeting',
        'villager_group_meeting',
        'representatives_meeting',
      ] as const) {
        expect(votesIn(body, matter, newcomer, NO)).toBe(false)
        expect(votesIn(body, matter, newcomer, YES)).toBe(false)
      }
  })

  it('lets an admitted newcomer vote in elections, and on other matters only where the village says so', () => {
    const admitted = standing({ residency: 'non_registered', admittedOn: '2026-05-01' })
    expect(votesIn('villagers_meeting', 'election', admitted, NO)).toBe(true)
    expect(votesIn('villagers_meeting', 'other', admitted, NO)).toBe(false)
    expect(votesIn('villagers_meeting', 'other', admitted, YES)).toBe(true)
  })

  it('reads a village without the setting as "admitted people vote in elections only"', () => {
    expect(residenceSettingsOf(null)).toEqual(NO)
    expect(residenceSettingsOf({})).toEqual(NO)
    expect(residenceSettingsOf({ residence: YES })).toEqual(YES)
  })
})

describe('admitting a newcomer (Art 13 (三))', () => {
  const ok = { residency: 'non_registered' as const, today: '2026-12-06' }

  it('admits someone who had lived here a year or more on the day of the decision', () => {
    expect(admissionRule({ ...ok, residentSince: '2025-06-01', decidedOn: '2026-06-01' })).toBeNull()
    expect(admissionRule({ ...ok, residentSince: '2020-01-01', decidedOn: '2026-06-01' })).toBeNull()
  })

  it('refuses someone one day short of a year', () => {
    expect(admissionRule({ ...ok, residentSince: '2025-06-02', decidedOn: '2026-06-01' })).toBe(
      'NEWCOMER_ADMISSION_TOO_SOON',
    )
  })

  it('refuses someone with no day of moving in', () => {
    expect(admissionRule({ ...ok, residentSince: null, decidedOn: '2026-06-01' })).toBe(
      'NEWCOMER_ADMISSION_TOO_SOON',
    )
  })

  it('refuses a decision dated after today or not a real day', () => {
    expect(admissionRule({ ...ok, residentSince: '2020-01-01', decidedOn: '2026-12-07' })).toBe(
      'NEWCOMER_DATE_INVALID',
    )
    expect(admissionRule({ ...ok, residentSince: '2020-01-01', decidedOn: '2026-02-30' })).toBe(
      'NEWCOMER_DATE_INVALID',
    )
  })

  it('has nothing to admit for a registered villager', () => {
    for (const residency of ['registered', 'registered_away'] as const)
      expect(admissionRule({ ...ok, residency, residentSince: '2000-01-01', decidedOn: '2026-06-01' })).toBe(
        'NEWCOMER_ADMISSION_NOT_NEEDED',
      )
  })

  it('counts a year back from 29 February to 28 February', () => {
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28')
    expect(oneYearBefore('2026-12-06')).toBe('2025-12-06')
  })
})

describe('applications', () => {
  it('are approved or refused once, while pending', () => {
    expect(transitionNewcomer('pending', 'approve')).toEqual({ ok: true, next: 'approved' })
    expect(transitionNewcomer('pending', 'refuse')).toEqual({ ok: true, next: 'refused' })
    expect(transitionNewcomer('approved', 'refuse')).toEqual({ ok: false, code: 'NEWCOMER_NOT_PENDING' })
    expect(transitionNewcomer('refused', 'approve')).toEqual({ ok: false, code: 'NEWCOMER_NOT_PENDING' })
  })

  it('take a moving-in day that is real and not in the future', () => {
    expect(movedInRule('2026-12-06', '2026-12-06')).toBeNull()
    expect(movedInRule('2026-12-07', '2026-12-06')).toBe('NEWCOMER_DATE_INVALID')
    expect(movedInRule('2026-13-01', '2026-12-06')).toBe('NEWCOMER_DATE_INVALID')
  })
})
