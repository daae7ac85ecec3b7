/**
 * The committee's forms for 议事: starting one, publishing, and the dates every form types (the
 * meeting's schedule form is in deliberationSchedule.ts). Dates are typed as 2026-12-05 and 14:30 and
 * read as Beijing time, like the notice on the village board.
 */
import {
  DELIBERATION_BODY_LABELS,
  defaultProcedureSettings,
  deliberationCreateSchema,
  isMeetingBody,
  publishStepSchema,
  type DeliberationBody,
  type DeliberationCreateRequest,
  type MatterType,
  type NoticeRule,
  type PublishStepRequest,
  type StepKey,
} from '@xiangli/shared'

const CHINA_OFFSET_MS = 8 * 3_600_000

/** YYYY-MM-DD of a moment, in Beijing time. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** 12月5日 of a YYYY-MM-DD. */
export function dayLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${Number(m[2])}月${Number(m[3])}日` : date
}

/** A typed date (and time) in Beijing time, or null when it is not a real one. */
export function parseChinaTime(date: string, time = '00:00'): Date | null {
  const d = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(date)
  const t = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(time)
  if (!d || !t) return null
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null
  const ms = Date.UTC(y, mo - 1, da, h, mi) - CHINA_OFFSET_MS
  const at = new Date(ms)
  // 2月30日 rolls over to March: not a real date
  if (chinaDate(at) !== `${y}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`) return null
  return at
}

// ---------- starting a deliberation ----------

export type SourceKind = 'cadre' | 'grievance' | 'higher_assignment' | 'petition'

export const SOURCE_OPTIONS: readonly { value: SourceKind; label: string }[] = [
  { value: 'cadre', label: '两委干部提出' },
  { value: 'grievance', label: '村民反映的问题' },
  { value: 'higher_assignment', label: '上级交办' },
]

export interface CreateForm {
  title: string
  content: string
  matterType: MatterType
  sourceKind: SourceKind
  /** the number of the resident's issue, when the source is one */
  grievanceId: string
  reference: string
  /** the residents' petition (联名提议) this answers; set from the petition's page */
  petitionId: string
  /** the villagers' meeting resolution that empowered the representatives' meeting, if any */
  delegation: string
}

export const emptyCreateForm = (): CreateForm => ({
  title: '',
  content: '',
  matterType: 'ordinary',
  sourceKind: 'cadre',
  grievanceId: '',
  reference: '',
  petitionId: '',
  delegation: '',
})

export type FormErrors<K extends string> = Partial<Record<K, string>>

export function checkCreateForm(
  f: CreateForm,
): { ok: true; value: DeliberationCreateRequest } | { ok: false; errors: FormErrors<keyof CreateForm> } {
  const errors: FormErrors<keyof CreateForm> = {}
  let source: DeliberationCreateRequest['source'] = { kind: 'cadre' }
  if (f.sourceKind === 'grievance') {
    const id = Number(f.grievanceId.trim())
    if (!Number.isSafeInteger(id) || id <= 0) errors.grievanceId = '请填写村民说事的编号（详情页上的数字）'
    else source = { kind: 'grievance', grievanceId: id }
  } else if (f.sourceKind === 'higher_assignment')
    source = { kind: 'higher_assignment', reference: f.reference }
  else if (f.sourceKind === 'petition') {
    const id = Number(f.petitionId)
    if (!Number.isSafeInteger(id) || id <= 0) errors.petitionId = '请从联名提议的页面发起'
    else source = { kind: 'petition', petitionId: id }
  }
  const body = {
    title: f.title,
    content: f.content,
    matterType: f.matterType,
    source,
    delegation: f.delegation.trim() ? { resolution: f.delegation } : null,
  }
  const parsed = deliberationCreateSchema.safeParse(body)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path
      const key: keyof CreateForm | null =
        first === 'title'
          ? 'title'
          : first === 'content'
            ? 'content'
            : first === 'source' && second === 'reference'
              ? 'reference'
              : first === 'delegation'
                ? 'delegation'
                : null
      if (key && !errors[key]) errors[key] = issue.message
    }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: body }
}

// ---------- scheduling a meeting ----------

/** The notice rule of a body as the village's procedure sets it by default (the law's). */
export function noticeRuleOf(body: DeliberationBody): NoticeRule {
  if (!isMeetingBody(body)) return { minDays: 0, agendaRequired: false, planRequired: false }
  return defaultProcedureSettings().notices[body]
}

/** The notice rule in words, shown before the committee submits (the server's rule once it sent it). */
export function noticeRuleText(body: DeliberationBody, rule: NoticeRule = noticeRuleOf(body)): string | null {
  const name = DELIBERATION_BODY_LABELS[body]
  const parts: string[] = []
  if (rule.minDays > 0) parts.push(`${name}要至少提前 ${rule.minDays} 天发通知`)
  if (rule.agendaRequired) parts.push('先公布会议议题')
  if (rule.planRequired) parts.push('开会前把方案发给参会的党员')
  return parts.length ? `${parts.join('，')}。` : null
}

// ---------- publishing ----------

export function checkPublish(
  step: StepKey,
  title: string,
  text: string,
): { ok: true; value: PublishStepRequest } | { ok: false; errors: { title?: string; text?: string } } {
  const value: PublishStepRequest = { step, title, text }
  const parsed = publishStepSchema.safeParse(value)
  if (parsed.success) return { ok: true, value: { step, title: title.trim(), text: text.trim() } }
  const errors: { title?: string; text?: string } = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    if ((key === 'title' || key === 'text') && !errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}
