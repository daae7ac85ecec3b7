import type { Dispatch, SetStateAction } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { FINANCE_LINE_KINDS, FINANCE_LINE_KIND_LABELS, type FinanceLineKind } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { Chips } from '@/components/Chips'
import { Field, FieldError, FormSection } from '@/components/Form'
import { DateInput } from '@/platform/DateInput'
import { quarterLabel, recentQuarters } from '@/logic/dates'
import {
  emptyLine,
  previousMonth,
  totalsHint,
  type LineDraft,
  type NoticeForm,
  type NoticeFormErrors,
} from './noticeDraft'

const PERIOD_KINDS: readonly { value: 'month' | 'quarter'; label: string }[] = [
  { value: 'month', label: '按月' },
  { value: 'quarter', label: '按季度' },
]

/**
 * 收支明细 of a finance notice: its lines in yuan, the sums as they are typed, and the ledger's totals
 * the lines must match.
 */
export function NoticeFinanceSection({
  form,
  errors,
  today,
  setForm,
  setErrors,
}: {
  form: NoticeForm
  errors: NoticeFormErrors
  /** Beijing's date today, for the months and quarters offered */
  today: string
  setForm: Dispatch<SetStateAction<NoticeForm | null>>
  setErrors: Dispatch<SetStateAction<NoticeFormErrors>>
}) {
  const edit = <K extends keyof NoticeForm>(field: K, value: NoticeForm[K]) => {
    setForm((f) => (f ? { ...f, [field]: value } : f))
  }
  const editLine = (key: string, patch: Partial<LineDraft>) => {
    setForm((f) => (f ? { ...f, lines: f.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) } : f))
    setErrors((e) => {
      if (!e.line?.[key]) return e
      const line = { ...e.line }
      delete line[key]
      return { ...e, line }
    })
  }
  const addLine = (kind: FinanceLineKind) =>
    setForm((f) => (f ? { ...f, lines: [...f.lines, emptyLine(randomKey(), kind)] } : f))
  const removeLine = (key: string) =>
    setForm((f) => (f ? { ...f, lines: f.lines.filter((l) => l.key !== key) } : f))
  const hint = totalsHint(form)
  const quarterly = /Q[1-4]$/.test(form.coversPeriod)
  const quarters = recentQuarters(today, 4)
  const setCovers = (v: string) => {
    edit('coversPeriod', v)
    setErrors((e) => ({ ...e, coversPeriod: undefined }))
  }

  return (
    <FormSection title="收支明细">
      <Field label="公开的期间" error={errors.coversPeriod}>
        <Chips
          options={PERIOD_KINDS}
          value={quarterly ? 'quarter' : 'month'}
          onChange={(k) => setCovers(k === 'quarter' ? quarters[0]! : previousMonth(today))}
        />
        {quarterly ? (
          <Chips
            options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
            value={form.coversPeriod}
            onChange={setCovers}
          />
        ) : (
          <DateInput mode="month" value={form.coversPeriod} placeholder="选择月份" onChange={setCovers} />
        )}
      </Field>
      <Field label="明细（金额以元为单位，最多到分）" error={errors.lines}>
        {form.lines.map((l, i) => (
          <LineEditor
            key={l.key}
            line={l}
            index={i}
            error={errors.line?.[l.key]}
            onChange={(patch) => editLine(l.key, patch)}
            onRemove={() => removeLine(l.key)}
          />
        ))}
        <View className="compose__add">
          <Button onClick={() => addLine('income')}>加一笔收入</Button>
          <Button onClick={() => addLine('expense')}>加一笔支出</Button>
        </View>
        {hint ? (
          <View className={`compose__live${hint.mismatch ? ' compose__live--bad' : ''}`}>
            <View>{hint.text}</View>
            {hint.mismatch ? <View>与下面填的合计不一致：{hint.mismatch}</View> : null}
          </View>
        ) : null}
      </Field>
      <Field label="账本上的合计（用来核对明细，对不上不能提交）" error={errors.totals}>
        <Money label="收入合计" value={form.totalIncome} onChange={(v) => edit('totalIncome', v)} />
        <Money label="支出合计" value={form.totalExpense} onChange={(v) => edit('totalExpense', v)} />
        <Money
          label="期初余额"
          placeholder="可不填"
          signed
          value={form.openingBalance}
          onChange={(v) => edit('openingBalance', v)}
        />
        <Money
          label="期末余额"
          placeholder="可不填"
          signed
          value={form.closingBalance}
          onChange={(v) => edit('closingBalance', v)}
        />
      </Field>
    </FormSection>
  )
}

function LineEditor({
  line,
  index,
  error,
  onChange,
  onRemove,
}: {
  line: LineDraft
  index: number
  error: string | undefined
  onChange: (patch: Partial<LineDraft>) => void
  onRemove: () => void
}) {
  return (
    <View className={`compose__line${error ? ' compose__line--bad' : ''}`}>
      <View className="compose__line-head">
        <Chips
          options={FINANCE_LINE_KINDS.map((k) => ({ value: k, label: FINANCE_LINE_KIND_LABELS[k] }))}
          value={line.kind}
          onChange={(kind) => onChange({ kind })}
        />
        <Text className="compose__remove xl-tap xl-tap--line" onClick={onRemove}>
          删去第 {index + 1} 笔
        </Text>
      </View>
      <Input
        value={line.item}
        placeholder="项目，例如：村道修缮"
        maxLength={60}
        onChange={(item) => onChange({ item })}
      />
      <Input
        value={line.amount}
        placeholder="金额（元），例如：3200.50"
        type="digit"
        maxLength={20}
        onChange={(amount) => onChange({ amount })}
      />
      <Input
        value={line.note}
        placeholder="备注（可不填）"
        maxLength={100}
        onChange={(note) => onChange({ note })}
      />
      {error ? <FieldError error={error} /> : null}
    </View>
  )
}

function Money({
  label,
  value,
  placeholder = '元',
  signed = false,
  onChange,
}: {
  label: string
  value: string
  placeholder?: string
  /** a balance may be negative: the number keypad has no minus sign */
  signed?: boolean
  onChange: (v: string) => void
}) {
  return (
    <View className="compose__money">
      <Text className="compose__money-label">{label}</Text>
      <Input
        value={value}
        placeholder={placeholder}
        type={signed ? 'text' : 'digit'}
        maxLength={20}
        onChange={onChange}
      />
    </View>
  )
}
