/**
 * The schemas of 代办 (what a create body carries to file for someone, the roster picker's query),
 * apart from the rules in proxy.ts: the mini program's main package reads those rules and should
 * not carry zod for them.
 */
import { z } from 'zod'

export const consentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), photoId: z.number().int().positive() }),
  z.object({
    kind: z.literal('on_device'),
    /** the resident types their own name */
    typedName: z.string().trim().max(30),
    /** and ticks 我同意由他人代我办理 */
    agreed: z.boolean(),
  }),
])
export type Consent = z.infer<typeof consentSchema>

/** Sent with a create body to file it for someone; consent is checked by `checkConsent`, so its absence gets a sentence. */
export const onBehalfSchema = z.object({
  residentId: z.number().int().positive(),
  consent: consentSchema.optional(),
})
export type OnBehalf = z.infer<typeof onBehalfSchema>

/** The roster picker's query: a name (or part of it) or the last digits of a phone number. */
export const proxyResidentQuerySchema = z.object({
  q: z.string().trim().max(30).optional(),
})
export type ProxyResidentQuery = z.input<typeof proxyResidentQuerySchema>
