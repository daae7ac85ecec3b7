/** The request shapes of attendance and votes, checked with the quorum arithmetic's own limits. */
import { z } from 'zod'
import { MAX_DENOMINATOR, MAX_HEADCOUNT, PASS_BASES } from './quorum'

const count = z.number().int('请填写整数').min(0, '不能是负数').max(MAX_HEADCOUNT, '人数太大了')

export const thresholdSchema = z
  .object({
    num: z.number().int().min(1),
    den: z.number().int().min(1).max(MAX_DENOMINATOR),
    strict: z.boolean(),
  })
  .refine((t) => t.num <= t.den, '比例不能超过全体')
  .refine((t) => !(t.strict && t.num === t.den), '“超过全体”永远达不到')

export const quorumRuleSchema = z
  .object({ persons: thresholdSchema.nullable(), households: thresholdSchema.nullable() })
  .refine((q) => q.persons !== null || q.households !== null, '至少要设一个法定人数条件')

export const passRuleSchema = z.object({ threshold: thresholdSchema, of: z.enum(PASS_BASES) })
export const meetingRuleSchema = z.object({ quorum: quorumRuleSchema, pass: passRuleSchema })

export const attendanceSchema = z
  .object({
    due: count,
    present: count,
    households: z.object({ total: count, represented: count }).nullable().optional(),
  })
  .refine((a) => a.present <= a.due, { message: '到会人数不能超过应到人数', path: ['present'] })
  .refine((a) => !a.households || a.households.represented <= a.households.total, {
    message: '到会户数不能超过总户数',
    path: ['households'],
  })
export type AttendanceRequest = z.infer<typeof attendanceSchema>

export const votesSchema = z.object({ yes: count, no: count, abstain: count })
export type VotesRequest = z.infer<typeof votesSchema>
