/** The township's form for one service of the county's catalogue: what is typed, and what is sent. */
import {
  serviceItemCreateSchema,
  serviceItemSchema,
  type ServiceDayKind,
  type ServiceHandling,
  type ServiceItem,
  type ServiceItemCreate,
  type ServiceItemFields,
} from '@xiangli/shared'

export interface CatalogueDraft {
  code: string
  name: string
  office: string
  /** one material a line */
  materials: string
  timeLimitDays: string
  dayKind: ServiceDayKind
  handling: ServiceHandling
  description: string
  active: boolean
}

export const blankDraft = (): CatalogueDraft => ({
  code: '',
  name: '',
  office: '',
  materials: '',
  timeLimitDays: '15',
  dayKind: 'working',
  handling: 'forward',
  description: '',
  active: true,
})

export const draftOf = (i: ServiceItem): CatalogueDraft => ({
  code: i.code,
  name: i.name,
  office: i.office,
  materials: i.materials.join('\n'),
  timeLimitDays: String(i.timeLimitDays),
  dayKind: i.dayKind,
  handling: i.handling,
  description: i.description,
  active: i.active,
})

const fields = (d: CatalogueDraft) => ({
  name: d.name,
  office: d.office,
  materials: d.materials
    .split('\n')
    .map((m) => m.trim())
    .filter((m) => m !== ''),
  timeLimitDays: /^\d+$/.test(d.timeLimitDays.trim()) ? Number(d.timeLimitDays.trim()) : NaN,
  dayKind: d.dayKind,
  handling: d.handling,
  description: d.description,
  active: d.active,
})

type Checked<T> = { ok: true; body: T } | { ok: false; problem: string }

const firstProblem = (issues: { message: string }[]): string =>
  issues[0]?.message === 'Expected number, received nan'
    ? '办理时限请填数字'
    : (issues[0]?.message ?? '请检查填写的内容')

/** A new item: its code too. */
export function checkNew(d: CatalogueDraft): Checked<ServiceItemCreate> {
  const r = serviceItemCreateSchema.safeParse({ ...fields(d), code: d.code.trim() })
  return r.success ? { ok: true, body: r.data } : { ok: false, problem: firstProblem(r.error.issues) }
}

/** An edit: the code stays. */
export function checkEdit(d: CatalogueDraft): Checked<ServiceItemFields> {
  const r = serviceItemSchema.safeParse(fields(d))
  return r.success ? { ok: true, body: r.data } : { ok: false, problem: firstProblem(r.error.issues) }
}
