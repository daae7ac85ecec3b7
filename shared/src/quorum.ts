/**
 * Quorum (法定人数) and pass (表决通过) arithmetic for every body that meets in a deliberation.
 *
 * Integers only: a threshold is a fraction num/den that a count must reach ("以上", at least) or
 * exceed ("过半数", more than). 民法典 Art 1259: "以上" includes the number itself, so "三分之二以上"
 * of 10 is 7 and "十分之一以上" of 30 is 3; "过半数" is strictly more than half, so of 8 it is 5.
 *
 * Zero is decided once, here: a count of nobody never meets a threshold. `moreThanHalf(0)` is 1
 * (the smallest count above half of nothing); `atLeastFraction(0, …)` is 0 arithmetically, but every
 * check below asks for at least one person, so an empty body is never quorate, a motion with no
 * "yes" never passes and a petition with no signature never forces a meeting.
 */
import type { ErrorCode } from './errors'
import { err, ok, type Result } from './result'

// ---------- arithmetic ----------

/** No village or community comes near this; it keeps every product below 2^53. */
export const MAX_HEADCOUNT = 10_000_000
/** Fractions are small (1/2, 2/3, 4/5, 1/10); this keeps n × num exact. */
export const MAX_DENOMINATOR = 1000

/** A fraction a count must reach: at least num/den, or (strict) more than num/den. */
export interface Threshold {
  num: number
  den: number
  strict: boolean
}

export const MORE_THAN_HALF: Threshold = { num: 1, den: 2, strict: true }
export const AT_LEAST_TWO_THIRDS: Threshold = { num: 2, den: 3, strict: false }
export const AT_LEAST_ONE_FIFTH: Threshold = { num: 1, den: 5, strict: false }
export const AT_LEAST_ONE_THIRD: Threshold = { num: 1, den: 3, strict: false }
export const AT_LEAST_ONE_TENTH: Threshold = { num: 1, den: 10, strict: false }

export const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0 && n <= MAX_HEADCOUNT

function assertCount(n: number, what: string): void {
  if (!isCount(n)) throw new RangeError(`${what} must be an integer from 0 to ${MAX_HEADCOUNT}, got ${n}`)
}

function assertFraction(num: number, den: number, strict: boolean): void {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 1 || den < 1)
    throw new RangeError(`a threshold is a fraction of positive integers, got ${num}/${den}`)
  if (den > MAX_DENOMINATOR) throw new RangeError(`a threshold's denominator is at most ${MAX_DENOMINATOR}`)
  if (num > den) throw new RangeError(`a threshold cannot ask for more than everyone, got ${num}/${den}`)
  if (strict && num === den) throw new RangeError('"more than all" can never be reached')
}

/** ⌊a / b⌋ for a ≥ 0, b > 0, by exact integer steps (no rounding of a float quotient). */
const floorDiv = (a: number, b: number): number => (a - (a % b)) / b

/** The smallest count that is more than half of n: 7 → 4, 8 → 5, 0 → 1. */
export function moreThanHalf(n: number): number {
  assertCount(n, 'n')
  return floorDiv(n, 2) + 1
}

/** The smallest count that is at least num/den of n: 2/3 of 10 → 7, 2/3 of 9 → 6, of 0 → 0. */
export function atLeastFraction(n: number, num: number, den: number): number {
  assertCount(n, 'n')
  assertFraction(num, den, false)
  return floorDiv(n * num + den - 1, den)
}

/** The smallest count that is more than num/den of n: more than 1/2 of 8 → 5. */
export function moreThanFraction(n: number, num: number, den: number): number {
  assertCount(n, 'n')
  assertFraction(num, den, true)
  return floorDiv(n * num, den) + 1
}

/** The smallest count that meets the threshold, in pure arithmetic (0 of 0 meets "at least"). */
export function thresholdCount(n: number, t: Threshold): number {
  return t.strict ? moreThanFraction(n, t.num, t.den) : atLeastFraction(n, t.num, t.den)
}

/** The count a body must actually reach: never fewer than one person. */
export function countNeeded(n: number, t: Threshold): number {
  return Math.max(1, thresholdCount(n, t))
}

/** Whether `count` of `n` meets the threshold (and is at least one). */
export function reachesThreshold(count: number, n: number, t: Threshold): boolean {
  assertCount(count, 'count')
  return count >= countNeeded(n, t)
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const cn = (n: number): string => CN_DIGITS[n] ?? String(n)

/** The words the law uses: 过半数, 三分之二以上, 十分之一以上, 超过五分之四. */
export function thresholdLabel(t: Threshold): string {
  if (t.num === t.den) return '全体'
  if (t.num * 2 === t.den) return t.strict ? '过半数' : '半数以上'
  const fraction = `${cn(t.den)}分之${cn(t.num)}`
  return t.strict ? `超过${fraction}` : `${fraction}以上`
}

// ---------- meeting rules ----------

/** Who is counted for a quorum: persons present, or households with someone present for them. */
export const QUORUM_COUNTS = ['persons', 'households'] as const
export type QuorumCount = (typeof QUORUM_COUNTS)[number]

/**
 * A meeting is quorate when any criterion that is set is met (Art 22: persons OR households).
 * A body counted only by persons has `households: null`.
 */
export interface QuorumRule {
  persons: Threshold | null
  households: Threshold | null
}

/**
 * A decision needs `threshold` of those present (村民会议: 到会人员的过半数) or of those due to
 * attend (党员大会: 应到会党员的过半数; 土地承包方案: 三分之二以上成员).
 */
export const PASS_BASES = ['present', 'due'] as const
export type PassBase = (typeof PASS_BASES)[number]
export const PASS_BASE_LABELS: Record<PassBase, string> = { present: '到会人数', due: '应到人数' }

export interface PassRule {
  threshold: Threshold
  of: PassBase
}

export interface MeetingRule {
  quorum: QuorumRule
  pass: PassRule
}

/** 村民会议 (村民委员会组织法 Art 22): over half of villagers 18+, or ≥ 2/3 of households; > 1/2 of present. */
export const VILLAGERS_MEETING_RULE: MeetingRule = {
  quorum: { persons: MORE_THAN_HALF, households: AT_LEAST_TWO_THIRDS },
  pass: { threshold: MORE_THAN_HALF, of: 'present' },
}

/** 村民代表会议 (Art 26): ≥ 2/3 of its members attend; > 1/2 of present. */
export const REPRESENTATIVES_MEETING_RULE: MeetingRule = {
  quorum: { persons: AT_LEAST_TWO_THIRDS, households: null },
  pass: { threshold: MORE_THAN_HALF, of: 'present' },
}

/** 村民小组会议 (Art 28): ≥ 2/3 of adults or of households; > 1/2 of present. */
export const VILLAGER_GROUP_MEETING_RULE: MeetingRule = {
  quorum: { persons: AT_LEAST_TWO_THIRDS, households: AT_LEAST_TWO_THIRDS },
  pass: { threshold: MORE_THAN_HALF, of: 'present' },
}

/**
 * 党员大会审议 in 四议两公开: ≥ 2/3 of the members due attend, and more than half of those due
 * (not of those present) agree.
 */
export const PARTY_MEMBERS_MEETING_RULE: MeetingRule = {
  quorum: { persons: AT_LEAST_TWO_THIRDS, households: null },
  pass: { threshold: MORE_THAN_HALF, of: 'due' },
}

/** 两委联席会议商议: majority decides; a majority of members present as the default quorum. */
export const JOINT_COMMITTEES_RULE: MeetingRule = {
  quorum: { persons: MORE_THAN_HALF, households: null },
  pass: { threshold: MORE_THAN_HALF, of: 'present' },
}

/** 党组织提议: the branch committee forms the proposal by majority (a setting; practice, not statute). */
export const PARTY_BRANCH_RULE: MeetingRule = JOINT_COMMITTEES_RULE

/**
 * 居民会议 (城市居民委员会组织法 2018, Art 9): over half of those entitled (every resident 18+,
 * one representative per household, or the group-elected representatives, whichever form the
 * meeting takes) attend; over half of those present decide. The 2025 revision (in force
 * 2026-01-01) may change this, which is why every threshold is a setting.
 */
export const RESIDENTS_MEETING_RULE: MeetingRule = {
  quorum: { persons: MORE_THAN_HALF, households: null },
  pass: { threshold: MORE_THAN_HALF, of: 'present' },
}

/** 居民代表会议: no national rule in the 2018 law; local rules mirror the villagers' representatives'. */
export const RESIDENTS_REPRESENTATIVES_MEETING_RULE: MeetingRule = REPRESENTATIVES_MEETING_RULE

// ---------- attendance and votes ----------

/**
 * Who was due and who came. `due` is the frozen list of those entitled to attend (for a villagers'
 * meeting every villager aged 18+); `households` counts the households and how many had someone
 * present for them, for the bodies that may be quorate by households.
 */
export interface Attendance {
  due: number
  present: number
  households?: { total: number; represented: number } | null
}

/** 同意 / 反对 / 弃权. Those present who cast nothing are simply not counted. */
export interface Votes {
  yes: number
  no: number
  abstain: number
}

type Refusal = { ok: false; code: ErrorCode; reason?: string }

export function validateAttendance(a: Attendance): Result<Attendance> {
  const counts = [a.due, a.present, ...(a.households ? [a.households.total, a.households.represented] : [])]
  if (!counts.every(isCount)) return err('DELIBERATION_TALLY_INVALID')
  if (a.present > a.due)
    return err('DELIBERATION_PRESENT_EXCEEDS_DUE', `到会 ${a.present} 人，应到只有 ${a.due} 人`)
  if (a.households) {
    const { total, represented } = a.households
    if (represented > total)
      return err('DELIBERATION_HOUSEHOLDS_INVALID', `到会 ${represented} 户，全部只有 ${total} 户`)
    // a household is represented by someone who is present
    if (represented > a.present)
      return err('DELIBERATION_HOUSEHOLDS_INVALID', `到会 ${represented} 户，到会的人只有 ${a.present} 个`)
  }
  return ok(a)
}

const votesCast = (v: Votes): number => v.yes + v.no + v.abstain

function validateVotesShape(v: Votes): Refusal | null {
  return [v.yes, v.no, v.abstain].every(isCount) ? null : err('DELIBERATION_TALLY_INVALID')
}

/** yes + no + abstain ≤ present ≤ due. */
export function validateTally(a: Attendance, v: Votes): Result<{ attendance: Attendance; votes: Votes }> {
  const checked = validateAttendance(a)
  if (!checked.ok) return checked
  const bad = validateVotesShape(v)
  if (bad) return bad
  if (votesCast(v) > a.present)
    return err('DELIBERATION_VOTES_EXCEED_PRESENT', `共 ${votesCast(v)} 票，到会只有 ${a.present} 人`)
  return ok({ attendance: a, votes: v })
}

/**
 * A hybrid meeting: online ballots cast during the meeting plus the clerk's count of hands or paper
 * ballots. Each voter is in one part only (the server sees to that); the sum can never exceed those
 * present.
 */
export function combineVotes(parts: readonly Votes[], present: number): Result<Votes> {
  if (!isCount(present)) return err('DELIBERATION_TALLY_INVALID')
  for (const part of parts) {
    const bad = validateVotesShape(part)
    if (bad) return bad
  }
  const total: Votes = {
    yes: parts.reduce((s, p) => s + p.yes, 0),
    no: parts.reduce((s, p) => s + p.no, 0),
    abstain: parts.reduce((s, p) => s + p.abstain, 0),
  }
  if (votesCast(total) > present)
    return err(
      'DELIBERATION_VOTES_EXCEED_PRESENT',
      `线上和现场合计 ${votesCast(total)} 票，到会只有 ${present} 人`,
    )
  return ok(total)
}

// ---------- quorum and pass ----------

export interface CriterionCheck {
  count: QuorumCount
  threshold: Threshold
  /** persons present, or households represented */
  counted: number
  /** persons due, or all households */
  of: number
  needed: number
  met: boolean
}

export interface QuorumCheck {
  met: boolean
  /** the first criterion met, persons before households; null when not quorate */
  by: QuorumCount | null
  criteria: CriterionCheck[]
}

/**
 * Whether the meeting may decide. A households criterion with no household count is not met.
 * Also what the meeting page shows live as people check in.
 */
export function quorumMet(rule: QuorumRule, a: Attendance): QuorumCheck {
  const criteria: CriterionCheck[] = []
  if (rule.persons) {
    const needed = countNeeded(a.due, rule.persons)
    criteria.push({
      count: 'persons',
      threshold: rule.persons,
      counted: a.present,
      of: a.due,
      needed,
      met: a.present >= needed,
    })
  }
  if (rule.households) {
    const h = a.households ?? { total: 0, represented: 0 }
    const needed = countNeeded(h.total, rule.households)
    criteria.push({
      count: 'households',
      threshold: rule.households,
      counted: h.represented,
      of: h.total,
      needed,
      met: h.represented >= needed,
    })
  }
  const first = criteria.find((c) => c.met)
  return { met: first !== undefined, by: first?.count ?? null, criteria }
}

export interface PassCheck {
  passed: boolean
  yes: number
  needed: number
  of: PassBase
  /** the number the threshold is taken of: those present, or those due */
  base: number
  threshold: Threshold
}

/** Whether the "yes" votes carry the motion. Does not look at the quorum: see `meetingOutcome`. */
export function passes(rule: PassRule, a: Attendance, v: Votes): PassCheck {
  const base = rule.of === 'present' ? a.present : a.due
  const needed = countNeeded(base, rule.threshold)
  return { passed: v.yes >= needed, yes: v.yes, needed, of: rule.of, base, threshold: rule.threshold }
}

export const MEETING_OUTCOMES = ['passed', 'failed', 'not_quorate'] as const
export type MeetingOutcomeKind = (typeof MEETING_OUTCOMES)[number]
export const MEETING_OUTCOME_LABELS: Record<MeetingOutcomeKind, string> = {
  passed: '通过',
  failed: '未通过',
  not_quorate: '未达法定人数',
}

/** What a closed vote says: quorum met or not, passed or failed, and why, in words. */
export interface MeetingOutcome {
  outcome: MeetingOutcomeKind
  quorum: QuorumCheck
  pass: PassCheck
  votes: Votes
  /** e.g. 到会 51 人，达到应到 100 人的过半数（51 人）；同意 26 票，达到到会人数 51 人的过半数（26 票）：通过 */
  reason: string
}

function describeCriterion(c: CriterionCheck): string {
  const unit = c.count === 'persons' ? '人' : '户'
  const counted = c.count === 'persons' ? `到会 ${c.counted} 人` : `有人到会的 ${c.counted} 户`
  const of = c.count === 'persons' ? `应到 ${c.of} 人` : `全部 ${c.of} 户`
  return `${counted}，${c.met ? '达到' : '不足'}${of}的${thresholdLabel(c.threshold)}（${c.needed} ${unit}）`
}

function describePass(p: PassCheck): string {
  return `同意 ${p.yes} 票，${p.passed ? '达到' : '不足'}${PASS_BASE_LABELS[p.of]} ${p.base} 人的${thresholdLabel(p.threshold)}（${p.needed} 票）`
}

/**
 * The result of a vote under a rule. Invalid counts are refused with a code; a meeting that is not
 * quorate is a result (未达法定人数), not an error.
 */
export function meetingOutcome(rule: MeetingRule, a: Attendance, v: Votes): Result<MeetingOutcome> {
  const valid = validateTally(a, v)
  if (!valid.ok) return valid
  const quorum = quorumMet(rule.quorum, a)
  const pass = passes(rule.pass, a, v)
  const outcome: MeetingOutcomeKind = !quorum.met ? 'not_quorate' : pass.passed ? 'passed' : 'failed'
  const quorumWords = quorum.met
    ? describeCriterion(quorum.criteria.find((c) => c.met)!)
    : quorum.criteria.map(describeCriterion).join('；')
  const reason = quorum.met
    ? `${quorumWords}；${describePass(pass)}：${MEETING_OUTCOME_LABELS[outcome]}`
    : `${quorumWords}：${MEETING_OUTCOME_LABELS[outcome]}，不能表决`
  return ok({ outcome, quorum, pass, votes: v, reason })
}
