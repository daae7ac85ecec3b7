import { ERRORS } from './errors'
import {
  buildProcedure,
  decidingStep,
  defaultProcedureSettings,
  DELIBERATION_BODIES,
  isDelegated,
  MATTER_TYPES,
  mayDecide,
  meetingRuleFor,
  procedureSettingsSchema,
  type DeliberationBody,
  type MatterType,
  type Procedure,
  type ProcedureSettings,
  type StepKey,
} from './procedure'
import {
  AT_LEAST_TWO_THIRDS,
  MORE_THAN_HALF,
  PARTY_MEMBERS_MEETING_RULE,
  VILLAGERS_MEETING_RULE,
} from './quorum'

const rural = (yijiantiao = false, settings?: ProcedureSettings) =>
  buildProcedure({ procedureVariant: 'siyi_liang_gongkai', yijiantiao }, settings)
const urban = (yijiantiao = false, settings?: ProcedureSettings) =>
  buildProcedure({ procedureVariant: 'yizheng_sanyi_liang_gongkai', yijiantiao }, settings)
const keys = (p: Procedure) => p.steps.map((s) => s.key)
const labels = (p: Procedure) => p.steps.map((s) => s.label)
const stepOf = (p: Procedure, key: StepKey) => p.steps.find((s) => s.key === key)!
const withSettings = (change: (s: ProcedureSettings) => void): ProcedureSettings => {
  const s = defaultProcedureSettings()
  change(s)
  return procedureSettingsSchema.parse(s)
}

describe('the rural preset, 四议两公开', () => {
  const p = rural()

  it('runs 提议, 商议, 审议, 决议, 决议公开, 实施结果公开 in that order', () => {
    expect(keys(p)).toEqual([
      'propose',
      'consult',
      'review',
      'decide',
      'publish_resolution',
      'publish_results',
    ])
    expect(labels(p)).toEqual(['提议', '商议', '审议', '决议', '决议公开', '实施结果公开'])
    expect(p.label).toBe('四议两公开')
    expect(p.merged).toBe(false)
  })

  it('names the body of each step', () => {
    expect(p.steps.map((s) => s.body)).toEqual([
      'party_branch',
      'joint_committees',
      'party_members_meeting',
      'villagers_meeting',
      'publication',
      'publication',
    ])
  })

  it("lets the villagers' meeting or the representatives' meeting decide, and no one else", () => {
    expect(stepOf(p, 'decide').bodies.map((b) => b.body)).toEqual([
      'villagers_meeting',
      'representatives_meeting',
    ])
    for (const s of p.steps.filter((s) => s.key !== 'decide')) expect(s.bodies).toHaveLength(1)
  })

  it('has exactly one deciding step, 决议', () => {
    expect(p.steps.filter((s) => s.deciding).map((s) => s.key)).toEqual(['decide'])
    expect(decidingStep(p).key).toBe('decide')
  })

  it('names who may record each step', () => {
    expect(Object.fromEntries(p.steps.map((s) => [s.key, s.recorders]))).toEqual({
      propose: ['party_secretary'],
      consult: ['party_secretary', 'committee_member'],
      review: ['party_secretary'],
      decide: ['party_secretary', 'committee_member'],
      publish_resolution: ['party_secretary', 'committee_member'],
      publish_results: ['party_secretary', 'committee_member'],
    })
  })

  it('gives every meeting step its pass rule, and the two publications none', () => {
    expect(stepOf(p, 'review').rule).toEqual(PARTY_MEMBERS_MEETING_RULE)
    expect(stepOf(p, 'decide').rule).toEqual(VILLAGERS_MEETING_RULE)
    expect(stepOf(p, 'publish_resolution').rule).toBeNull()
    expect(stepOf(p, 'publish_results').rule).toBeNull()
    for (const s of p.steps) expect(s.rule).toEqual(s.bodies[0]!.rule)
  })

  it("asks 10 days' notice with the agenda for a villagers' meeting, and the plan 3 days ahead for party members", () => {
    expect(stepOf(p, 'decide').notice).toEqual({ minDays: 10, agendaRequired: true, planRequired: false })
    expect(stepOf(p, 'review').notice).toEqual({ minDays: 3, agendaRequired: false, planRequired: true })
    expect(stepOf(p, 'decide').bodies[1]!.notice).toEqual({
      minDays: 0,
      agendaRequired: false,
      planRequired: false,
    })
  })

  it('records the source at 提议, township attendees at 审议 and 决议, and links the results to the resolution', () => {
    expect(stepOf(p, 'propose').carries).toContain('source')
    expect(p.steps.filter((s) => s.carries.includes('township_attendees')).map((s) => s.key)).toEqual([
      'review',
      'decide',
    ])
    expect(stepOf(p, 'publish_results').carries).toEqual(['notice', 'supervision_opinion', 'resolution_link'])
    expect(stepOf(p, 'publish_resolution').carries).toEqual(['notice', 'supervision_opinion'])
  })
})

describe('the urban preset, 一征三议两公开', () => {
  const p = urban()

  it('runs 征, 提议, 商议, 决议, 决议公开, 实施结果公开 with no party members’ meeting', () => {
    expect(keys(p)).toEqual([
      'solicit',
      'propose',
      'consult',
      'decide',
      'publish_resolution',
      'publish_results',
    ])
    expect(p.label).toBe('一征三议两公开')
  })

  it('opens with a window for residents’ opinions that leaves a summary', () => {
    expect(stepOf(p, 'solicit')).toMatchObject({
      kind: 'solicitation',
      body: 'public_solicitation',
      rule: null,
      carries: ['opinions', 'opinion_summary'],
    })
  })

  it("lets the residents' meeting or the residents' representatives' meeting decide", () => {
    expect(stepOf(p, 'decide').bodies.map((b) => b.body)).toEqual([
      'residents_meeting',
      'residents_representatives_meeting',
    ])
  })
})

describe('the 一肩挑 merge', () => {
  it.each([
    ['rural', rural(true), ['propose_consult', 'review', 'decide', 'publish_resolution', 'publish_results']],
    ['urban', urban(true), ['solicit', 'propose_consult', 'decide', 'publish_resolution', 'publish_results']],
  ])('makes one %s step of 提议 and 商议', (_, p, expected) => {
    expect(keys(p)).toEqual(expected)
    expect(p.merged).toBe(true)
    expect(stepOf(p, 'propose_consult')).toMatchObject({
      label: '提议、商议（一肩挑合并）',
      kind: 'meeting',
      body: 'joint_committees',
      recorders: ['party_secretary'],
      mergedFrom: ['propose', 'consult'],
    })
    expect(stepOf(p, 'propose_consult').carries).toContain('source')
  })

  it('is left out when the village keeps the two meetings apart', () => {
    const p = rural(
      true,
      withSettings((s) => (s.mergeProposalWhenYijiantiao = false)),
    )
    expect(keys(p).slice(0, 2)).toEqual(['propose', 'consult'])
    expect(p.merged).toBe(false)
  })

  it('never happens without 一肩挑', () => {
    expect(rural(false).merged).toBe(false)
    expect(urban(false).merged).toBe(false)
  })
})

describe('settings', () => {
  it('accept the legal defaults', () => {
    expect(procedureSettingsSchema.safeParse(defaultProcedureSettings()).success).toBe(true)
  })

  it('carry a changed notice period into the procedure', () => {
    const p = rural(
      false,
      withSettings((s) => (s.notices.villagers_meeting.minDays = 7)),
    )
    expect(stepOf(p, 'decide').notice?.minDays).toBe(7)
  })

  it('carry a changed quorum into the procedure', () => {
    const p = urban(
      false,
      withSettings((s) => (s.meetingRules.residents_meeting.quorum.persons = AT_LEAST_TWO_THIRDS)),
    )
    expect(stepOf(p, 'decide').rule?.quorum.persons).toEqual(AT_LEAST_TWO_THIRDS)
  })

  it.each([
    ['a fraction above everyone', { num: 4, den: 3, strict: false }],
    ['more than all', { num: 1, den: 1, strict: true }],
    ['a zero numerator', { num: 0, den: 2, strict: true }],
    ['a fractional numerator', { num: 1.5, den: 2, strict: true }],
  ])('refuse %s as a threshold', (_, threshold) => {
    const s = defaultProcedureSettings()
    s.meetingRules.villagers_meeting = {
      ...s.meetingRules.villagers_meeting,
      pass: { threshold, of: 'present' },
    }
    expect(procedureSettingsSchema.safeParse(s).success).toBe(false)
  })

  it('refuse a quorum with no criterion at all', () => {
    const s = defaultProcedureSettings()
    s.meetingRules.villagers_meeting = {
      ...s.meetingRules.villagers_meeting,
      quorum: { persons: null, households: null },
    }
    expect(procedureSettingsSchema.safeParse(s).success).toBe(false)
  })

  it('refuse a standing delegation that does not name the resolution behind it', () => {
    const s = defaultProcedureSettings()
    s.standingDelegations = [{ matter: 'homestead', resolution: ' ' }]
    expect(procedureSettingsSchema.safeParse(s).success).toBe(false)
  })
})

describe('Art 24 matters', () => {
  const reserved = MATTER_TYPES.filter((m) => m !== 'ordinary')

  it('lists the nine reserved matters and ordinary ones', () => {
    expect(reserved).toHaveLength(9)
    expect(MATTER_TYPES).toContain('ordinary')
  })

  it.each(reserved)('lets the full assembly decide %s', (matter) => {
    expect(mayDecide(matter, 'villagers_meeting', false)).toEqual({ ok: true })
    expect(mayDecide(matter, 'residents_meeting', false)).toEqual({ ok: true })
  })

  it.each(reserved)(
    "refuses %s to a representatives' meeting the assembly did not delegate it to",
    (matter) => {
      expect(mayDecide(matter, 'representatives_meeting', false)).toMatchObject({
        ok: false,
        code: 'DELIBERATION_MATTER_RESERVED',
      })
      expect(mayDecide(matter, 'residents_representatives_meeting', false)).toMatchObject({
        ok: false,
        code: 'DELIBERATION_MATTER_RESERVED',
      })
    },
  )

  it.each(reserved)("lets a delegated representatives' meeting decide %s", (matter) => {
    expect(mayDecide(matter, 'representatives_meeting', true)).toEqual({ ok: true })
  })

  const lesser: DeliberationBody[] = [
    'party_branch',
    'joint_committees',
    'party_members_meeting',
    'villager_group_meeting',
    'public_solicitation',
    'publication',
  ]
  it.each(lesser)('never lets %s decide a reserved matter, delegated or not', (body) => {
    for (const matter of reserved) {
      expect(mayDecide(matter, body, false)).toMatchObject({
        ok: false,
        code: 'DELIBERATION_MATTER_RESERVED',
      })
      expect(mayDecide(matter, body, true)).toMatchObject({ ok: false, code: 'DELIBERATION_MATTER_RESERVED' })
    }
  })

  it("lets a representatives' meeting decide an ordinary matter without delegation", () => {
    expect(mayDecide('ordinary', 'representatives_meeting', false)).toEqual({ ok: true })
  })

  it.each(lesser)('does not let %s decide even an ordinary matter', (body) => {
    expect(mayDecide('ordinary', body, false)).toMatchObject({
      ok: false,
      code: 'DELIBERATION_BODY_NOT_ALLOWED',
    })
  })

  it('says which matter and which body in the reason', () => {
    const r = mayDecide('homestead', 'representatives_meeting', false)
    expect(r.ok === false && r.reason).toBe(
      '“宅基地的使用方案”要由村（居）民会议决定，村民代表会议须经其授权',
    )
  })

  it('covers every body', () => {
    expect(
      [
        ...lesser,
        'villagers_meeting',
        'representatives_meeting',
        'residents_meeting',
        'residents_representatives_meeting',
      ].sort(),
    ).toEqual([...DELIBERATION_BODIES].sort())
  })

  it('counts a standing delegation in the settings as a delegation', () => {
    const p = rural(
      false,
      withSettings(
        (s) => (s.standingDelegations = [{ matter: 'public_works', resolution: '2024年第1次村民会议决议' }]),
      ),
    )
    expect(isDelegated(p, 'public_works', false)).toBe(true)
    expect(isDelegated(p, 'homestead', false)).toBe(false)
    expect(isDelegated(p, 'homestead', true)).toBe(true)
  })
})

describe('the rule a meeting holds a step under', () => {
  const p = rural()
  const decide = stepOf(p, 'decide')

  it('needs two thirds of all members to adopt a land-contracting plan (农村土地承包法 Art 19, 28)', () => {
    expect(meetingRuleFor(p, decide, 'representatives_meeting', 'land_contracting')?.pass).toEqual({
      threshold: AT_LEAST_TWO_THIRDS,
      of: 'due',
    })
  })

  it('keeps the body’s own quorum for land contracting', () => {
    expect(meetingRuleFor(p, decide, 'villagers_meeting', 'land_contracting')?.quorum).toEqual(
      VILLAGERS_MEETING_RULE.quorum,
    )
  })

  it.each(MATTER_TYPES.filter((m: MatterType) => m !== 'land_contracting'))(
    'decides %s by more than half of those present',
    (matter) => {
      expect(meetingRuleFor(p, decide, 'villagers_meeting', matter)?.pass).toEqual({
        threshold: MORE_THAN_HALF,
        of: 'present',
      })
    },
  )

  it('applies a matter’s own rule only at the deciding step', () => {
    expect(meetingRuleFor(p, stepOf(p, 'consult'), 'joint_committees', 'land_contracting')?.pass.of).toBe(
      'present',
    )
  })

  it('has no rule for a body that may not hold the step', () => {
    expect(meetingRuleFor(p, decide, 'joint_committees', 'ordinary')).toBeNull()
  })
})

describe('the refusal codes', () => {
  it('each have a message a villager can read', () => {
    for (const code of ['DELIBERATION_MATTER_RESERVED', 'DELIBERATION_BODY_NOT_ALLOWED'] as const)
      expect(ERRORS[code].message).toMatch(/[\u4e00-\u9fff]/)
  })
})
