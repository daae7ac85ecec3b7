import {
  movedInRule,
  newcomerApplySchema,
  NEWCOMER_ERRORS,
  beijingDate,
  type NewcomerApply,
} from '@xiangli/shared'
import { photoProblem, uploadedIds, type DraftPhoto } from '@/logic/photoDraft'
import { validateVerificationForm } from '@/features/verification/verifyForm'

/** 申请登记为常住居民: who they are (as 实名认证 asks), where and since when they live here, the proof. */
export interface ApplyForm {
  villageId: number | null
  name: string
  idNumber: string
  phone: string
  address: string
  /** '' until picked */
  movedInOn: string
  proofs: readonly DraftPhoto[]
}

export type ApplyField = 'villageId' | 'name' | 'idNumber' | 'phone' | 'address' | 'movedInOn' | 'proofs'
export type ApplyErrors = Partial<Record<ApplyField, string>>

export const emptyApplyForm = (): ApplyForm => ({
  villageId: null,
  name: '',
  idNumber: '',
  phone: '',
  address: '',
  movedInOn: '',
  proofs: [],
})

/** Checks the form with the shared rules, and says what to fix next to each box. */
export function validateApplyForm(
  form: ApplyForm,
  today: Date = new Date(),
): { ok: true; value: NewcomerApply } | { ok: false; errors: ApplyErrors } {
  const who = validateVerificationForm(form, today)
  const errors: ApplyErrors = who.ok ? {} : { ...who.errors }
  const address = form.address.trim()
  if (!address) errors.address = '请填写您在本村（社区）的住址'
  else if (Array.from(address).length > 100) errors.address = '住址最多 100 个字'
  if (!form.movedInOn) errors.movedInOn = '请选择搬来居住的日期'
  else if (movedInRule(form.movedInOn, beijingDate(today)))
    errors.movedInOn = NEWCOMER_ERRORS.NEWCOMER_DATE_INVALID.message
  const photos = photoProblem(form.proofs)
  if (form.proofs.length === 0) errors.proofs = '请拍一张住址证明的照片（租房合同、居住证、房产证等）'
  else if (photos) errors.proofs = photos
  if (!who.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  const parsed = newcomerApplySchema.safeParse({
    ...who.value,
    address,
    movedInOn: form.movedInOn,
    proofFileIds: uploadedIds(form.proofs),
  })
  if (!parsed.success)
    return { ok: false, errors: { proofs: parsed.error.issues[0]?.message ?? '请检查填写的内容' } }
  return { ok: true, value: parsed.data }
}
