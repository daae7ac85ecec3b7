import { buildProcedure, defaultProcedureSettings } from './procedure'
import { defaultVillageSettings } from './org'
import {
  canonicalRulesText,
  diffCounts,
  lineDiff,
  mayFile,
  rulesCorrectionSchema,
  rulesDraftSchema,
  RULES_TEXT_MAX,
  transitionRules,
} from './village-rules'

describe('a rules version’s states', () => {
  it('lets the 两委 edit a draft and put it to the vote', () => {
    expect(transitionRules('draft', { type: 'edit' })).toEqual({ ok: true, next: 'draft' })
    expect(transitionRules('draft', { type: 'start_adoption' })).toEqual({ ok: true, next: 'in_adoption' })
  })

  it('refuses to edit a version under adoption or adopted', () => {
    expect(transitionRules('in_adoption', { type: 'edit' })).toEqual({
      ok: false,
      code: 'VILLAGE_RULES_IN_ADOPTION',
    })
    for (const s of ['adopted', 'superseded', 'not_adopted'] as const)
      expect(transitionRules(s, { type: 'edit' })).toEqual({ ok: false, code: 'VILLAGE_RULES_NOT_DRAFT' })
    expect(transitionRules('adopted', { type: 'start_adoption' })).toEqual({
      ok: false,
      code: 'VILLAGE_RULES_NOT_DRAFT',
    })
  })

  it('is adopted only by a passed vote of the villagers’ meeting', () => {
    expect(
      transitionRules('in_adoption', { type: 'decided', body: 'villagers_meeting', passed: true }),
    ).toEqual({
      ok: true,
      next: 'adopted',
    })
    expect(
      transitionRules('in_adoption', { type: 'decided', body: 'villagers_meeting', passed: false }),
    ).toEqual({
      ok: true,
      next: 'not_adopted',
    })
  })

  it('refuses a decision of the representatives’ meeting (Art 27)', () => {
    expect(
      transitionRules('in_adoption', { type: 'decided', body: 'representatives_meeting', passed: true }),
    ).toEqual({ ok: false, code: 'VILLAGE_RULES_VILLAGERS_MEETING_ONLY' })
  })

  it('refuses a decision on a version that is not under adoption', () => {
    expect(transitionRules('draft', { type: 'decided', body: 'villagers_meeting', passed: true })).toEqual({
      ok: false,
      code: 'VILLAGE_RULES_NOT_IN_ADOPTION',
    })
  })

  it('ends a version under adoption when its deliberation ends, and supersedes only one in force', () => {
    expect(transitionRules('in_adoption', { type: 'ended' })).toEqual({ ok: true, next: 'not_adopted' })
    expect(transitionRules('draft', { type: 'ended' }).ok).toBe(false)
    expect(transitionRules('adopted', { type: 'supersede' })).toEqual({ ok: true, next: 'superseded' })
    expect(transitionRules('draft', { type: 'supersede' })).toEqual({
      ok: false,
      code: 'VILLAGE_RULES_NOT_ADOPTED',
    })
  })
})

describe('filing with the township (备案)', () => {
  it('files the version in force once', () => {
    expect(mayFile('adopted', false)).toEqual({ ok: true })
    expect(mayFile('adopted', true)).toEqual({ ok: false, code: 'VILLAGE_RULES_ALREADY_FILED' })
  })
  it('refuses a version not adopted or superseded', () => {
    expect(mayFile('draft', false)).toEqual({ ok: false, code: 'VILLAGE_RULES_NOT_ADOPTED' })
    expect(mayFile('in_adoption', false)).toEqual({ ok: false, code: 'VILLAGE_RULES_NOT_ADOPTED' })
    expect(mayFile('not_adopted', false)).toEqual({ ok: false, code: 'VILLAGE_RULES_NOT_ADOPTED' })
    expect(mayFile('superseded', false)).toEqual({ ok: false, code: 'VILLAGE_RULES_SUPERSEDED' })
  })
})

describe('the text and what changed', () => {
  it('hashes the same text the same whatever the line ends and trailing spaces', () => {
    expect(canonicalRulesText('\n第一条 爱护公物。  \r\n第二条 邻里和睦。\r\n\n')).toBe(
      '第一条 爱护公物。\n第二条 邻里和睦。',
    )
  })

  it('marks every line added for a first version', () => {
    expect(lineDiff('', '第一条\n第二条')).toEqual([
      { op: 'added', text: '第一条' },
      { op: 'added', text: '第二条' },
    ])
  })

  it('keeps unchanged lines and shows a changed clause as removed then added', () => {
    const before = '第一条 爱护公物。\n第二条 红白喜事从简，酒席不超过十桌。\n第三条 垃圾分类。'
    const after =
      '第一条 爱护公物。\n第二条 红白喜事从简，酒席不超过八桌。\n第三条 垃圾分类。\n第四条 禁止高空抛物。'
    expect(lineDiff(before, after)).toEqual([
      { op: 'same', text: '第一条 爱护公物。' },
      { op: 'removed', text: '第二条 红白喜事从简，酒席不超过十桌。' },
      { op: 'added', text: '第二条 红白喜事从简，酒席不超过八桌。' },
      { op: 'same', text: '第三条 垃圾分类。' },
      { op: 'added', text: '第四条 禁止高空抛物。' },
    ])
    expect(diffCounts(lineDiff(before, after))).toEqual({ added: 2, removed: 1 })
  })

  it('shows a deleted clause as removed and nothing else', () => {
    expect(lineDiff('甲\n乙\n丙', '甲\n丙')).toEqual([
      { op: 'same', text: '甲' },
      { op: 'removed', text: '乙' },
      { op: 'same', text: '丙' },
    ])
  })

  it('rebuilds both texts from the diff, for any pair of texts', () => {
    const lines = ['甲', '乙', '丙', '丁', '戊']
    let seed = 7
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    const text = () =>
      Array.from({ length: Math.floor(rnd() * 8) }, () => lines[Math.floor(rnd() * lines.length)]!).join('\n')
    for (let k = 0; k < 200; k++) {
      const a = text()
      const b = text()
      const d = lineDiff(a, b)
      expect(
        d
          .filter((x) => x.op !== 'added')
          .map((x) => x.text)
          .join('\n'),
      ).toBe(a)
      expect(
        d
          .filter((x) => x.op !== 'removed')
          .map((x) => x.text)
          .join('\n'),
      ).toBe(b)
    }
  })

  it('diffs the longest texts allowed quickly enough for a request', () => {
    const a = Array.from({ length: 800 }, (_, i) => `第${i}条 内容`).join('\n')
    const b = Array.from({ length: 800 }, (_, i) => `第${i}条 内容${i % 50 === 0 ? '（修订）' : ''}`).join(
      '\n',
    )
    const started = Date.now()
    expect(diffCounts(lineDiff(a, b))).toEqual({ added: 16, removed: 16 })
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('requests', () => {
  it('refuses a blank or too long text in plain words', () => {
    const blank = rulesDraftSchema.safeParse({ kind: 'village_rules', title: '村规民约', text: '  ' })
    expect(blank.success).toBe(false)
    expect(blank.error?.issues[0]?.message).toBe('请填写正文')
    const long = rulesDraftSchema.safeParse({
      kind: 'charter',
      title: '章程',
      text: 'x'.repeat(RULES_TEXT_MAX + 1),
    })
    expect(long.success).toBe(false)
  })
  it('asks a correction order for the clause and the reason', () => {
    expect(rulesCorrectionSchema.safeParse({ clause: '第五条', reason: '' }).success).toBe(false)
    expect(rulesCorrectionSchema.safeParse({ clause: '第五条', reason: '与婚姻法相抵触' }).success).toBe(true)
  })
})

describe('the procedure that carries a rules version', () => {
  it('opens a rural procedure with the 征 step when asked, and decides in the villagers’ meeting first', () => {
    const village = defaultVillageSettings('village')
    const plain = buildProcedure(village, defaultProcedureSettings())
    const withSolicit = buildProcedure(village, defaultProcedureSettings(), { solicitation: true })
    expect(plain.steps[0]!.key).not.toBe('solicit')
    expect(withSolicit.steps.map((s) => s.key)).toEqual(['solicit', ...plain.steps.map((s) => s.key)])
    expect(withSolicit.steps.find((s) => s.deciding)!.body).toBe('villagers_meeting')
  })
})
