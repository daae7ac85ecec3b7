import { Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import type { CertificateField } from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import type { CertificateDraftErrors } from './certificate'
import './form.scss'
import { Field } from '@/components/Form'
import { DateInput } from '@/platform/DateInput'

const PLACEHOLDER: Record<CertificateField['kind'], string> = {
  text: '请填写',
  date: '选择日期',
  number: '请填写数字',
  select: '',
  idNumber: '18 位身份证号',
  phone: '11 位手机号',
}

/** The item's own form, drawn from its field schema: a chip row for a choice, an input otherwise. */
export function FieldsForm({
  fields,
  values,
  errors,
  onChange,
}: {
  fields: readonly CertificateField[]
  values: Record<string, string>
  errors: CertificateDraftErrors
  onChange: (key: string, value: string) => void
}) {
  return (
    <>
      {fields.map((f) => (
        <Field key={f.key} label={f.required ? f.label : `${f.label}（可不填）`} error={errors[f.key]}>
          {f.kind === 'select' && f.options ? (
            <Chips
              options={f.options.map((o) => ({ value: o, label: o }))}
              value={values[f.key] ?? ''}
              onChange={(v) => onChange(f.key, v)}
            />
          ) : f.kind === 'date' ? (
            <DateInput
              mode="date"
              value={values[f.key] ?? ''}
              placeholder={f.hint ?? PLACEHOLDER.date}
              onChange={(v) => onChange(f.key, v)}
            />
          ) : (
            <Input
              value={values[f.key] ?? ''}
              placeholder={f.hint ?? PLACEHOLDER[f.kind]}
              type={f.kind === 'number' || f.kind === 'phone' ? 'digit' : 'text'}
              maxLength={f.kind === 'text' ? (f.maxLength ?? 100) : 40}
              onChange={(v) => onChange(f.key, v)}
            />
          )}
        </Field>
      ))}
    </>
  )
}
