import {
  IDENTITY_ERRORS,
  isValidPhone,
  normalizeIdNumber,
  normalizePhone,
  parseIdNumber,
  verificationRequestSchema,
  type IdNumberProblem,
  type VerificationRequest,
} from '@xiangli/shared'

export interface VerificationForm {
  villageId: number | null
  name: string
  idNumber: string
  phone: string
}

export type VerificationField = keyof VerificationForm
export type FieldErrors = Partial<Record<VerificationField, string>>

const ID_PROBLEMS: Record<IdNumberProblem, string> = {
  format: '身份证号应为 18 位，最后一位可能是 X',
  birth_date: '身份证号里的出生日期不对，请核对',
  check_digit: '身份证号有一位对不上，可能抄错了，请核对',
}

/** Checks the form with the shared schema and ID/phone rules, and says what to fix next to each box. */
export function validateVerificationForm(
  form: VerificationForm,
  today: Date = new Date(),
): { ok: true; value: VerificationRequest } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const candidate = {
    villageId: form.villageId ?? 0,
    name: form.name.trim(),
    idNumber: normalizeIdNumber(form.idNumber),
    phone: normalizePhone(form.phone),
  }

  if (form.villageId === null) errors.villageId = '请选择您所在的村（社区）'
  if (!candidate.name) errors.name = '请填写姓名'
  if (!candidate.idNumber) errors.idNumber = '请填写身份证号'
  if (!candidate.phone) errors.phone = '请填写手机号'

  const parsed = verificationRequestSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as VerificationField
      if (errors[field]) continue
      errors[field] = {
        villageId: '请选择您所在的村（社区）',
        name: '姓名最多 30 个字',
        idNumber: IDENTITY_ERRORS.ID_NUMBER_INVALID.message,
        phone: IDENTITY_ERRORS.PHONE_INVALID.message,
      }[field]
    }
  }

  if (!errors.idNumber) {
    const id = parseIdNumber(candidate.idNumber, today)
    if ('problem' in id) errors.idNumber = ID_PROBLEMS[id.problem]
  }
  if (!errors.phone && !isValidPhone(candidate.phone)) errors.phone = IDENTITY_ERRORS.PHONE_INVALID.message

  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, value: parsed.data }
}
