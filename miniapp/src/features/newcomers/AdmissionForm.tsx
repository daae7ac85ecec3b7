import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import {
  ADMITTING_BODIES,
  ADMITTING_BODY_LABELS,
  NEWCOMER_ERRORS,
  admissionRule,
  admissionSchema,
  beijingDate,
  oneYearBefore,
  type AdmissionRequest,
  type AdmittingBody,
} from '@xiangli/shared'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { DateInput } from '@/platform/DateInput'

/**
 * 非户籍常住: the decision of the villagers' or representatives' meeting admitting the person to the
 * vote (Art 13 (三)), as the committee records it: which meeting, the decision's reference, its day.
 */
export function AdmissionForm({
  since,
  busy,
  onSubmit,
}: {
  /** the day they moved in; the decision must come a year or more after it */
  since: string | null
  busy: boolean
  onSubmit: (body: AdmissionRequest) => Promise<void>
}) {
  const [body, setBody] = useState<AdmittingBody>('villagers_meeting')
  const [decisionRef, setRef] = useState('')
  const [decidedOn, setDay] = useState('')
  const [error, setError] = useState<string | null>(null)
  const today = beijingDate(new Date())
  const earliest = since ? oneYearBefore(since) : null

  function submit() {
    const parsed = admissionSchema.safeParse({ body, decisionRef, decidedOn })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请填写会议决定')
      return
    }
    const refusal = admissionRule({ residency: 'non_registered', residentSince: since, decidedOn, today })
    if (refusal) {
      setError(NEWCOMER_ERRORS[refusal].message)
      return
    }
    void onSubmit(parsed.data)
  }

  return (
    <View className="xl-card">
      <View className="xl-card__title">记录会议同意参加选举的决定</View>
      <View className="xl-muted">
        户籍不在本村、在本村居住一年以上，本人申请，经村民会议或村民代表会议同意的，可以参加选举（第十三条）。
        {since && earliest ? `TA 从 ${since} 起在本村居住。` : '还没有记录 TA 搬来的日期，请先在下面填写。'}
      </View>
      <Field label="哪个会议同意的">
        <Chips
          options={ADMITTING_BODIES.map((b) => ({ value: b, label: ADMITTING_BODY_LABELS[b] }))}
          value={body}
          onChange={setBody}
        />
      </Field>
      <Field label="决定的文号或名称">
        <Input
          value={decisionRef}
          placeholder="例如：村民会议决定〔2026〕3号"
          maxLength={60}
          onChange={setRef}
        />
      </Field>
      <Field label="会议决定的日期">
        <DateInput mode="date" value={decidedOn} placeholder="选择日期" end={today} onChange={setDay} />
      </Field>
      {error ? <View className="xl-danger-text">{error}</View> : null}
      <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
        记录决定
      </Button>
    </View>
  )
}
