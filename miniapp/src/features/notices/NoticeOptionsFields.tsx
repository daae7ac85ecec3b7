import type { Dispatch, SetStateAction } from 'react'
import { Text, View } from '@tarojs/components'
import { NOTICE_CATEGORY_DEFAULT_DAYS, NOTICE_CATEGORY_LABELS, type VillageView } from '@xiangli/shared'
import { DateInput } from '@/platform/DateInput'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import type { NoticeForm, NoticeFormErrors } from './noticeDraft'

const YES_NO: readonly { value: 'yes' | 'no'; label: string }[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
]
const yesNo = (on: boolean): 'yes' | 'no' => (on ? 'yes' : 'no')

/** How a new notice goes out: its period, who it is for, whether each household confirms it, whether it is major. */
export function NoticeOptionsFields({
  form,
  errors,
  today,
  village,
  edit,
  setErrors,
}: {
  form: NoticeForm
  errors: NoticeFormErrors
  today: string
  /** the village with its groups (村民小组), for a notice's audience */
  village: VillageView | null
  edit: <K extends keyof NoticeForm>(field: K, value: NoticeForm[K]) => void
  setErrors: Dispatch<SetStateAction<NoticeFormErrors>>
}) {
  return (
    <>
      <Field label="公示期（不填则从发布当天算起）" error={errors.period}>
        <View className="compose__money">
          <Text className="compose__money-label">开始</Text>
          <DateInput
            mode="date"
            value={form.periodStart}
            placeholder="发布当天"
            start={today}
            onChange={(v) => {
              edit('periodStart', v)
              setErrors((e) => ({ ...e, period: undefined }))
            }}
          />
        </View>
        <View className="compose__money">
          <Text className="compose__money-label">结束</Text>
          <DateInput
            mode="date"
            value={form.periodEnd}
            placeholder="按类别的默认天数"
            start={form.periodStart || today}
            onChange={(v) => {
              edit('periodEnd', v)
              setErrors((e) => ({ ...e, period: undefined }))
            }}
          />
        </View>
        <View className="xl-muted compose__hint">
          {form.category
            ? `${NOTICE_CATEGORY_LABELS[form.category]}默认公示 ${NOTICE_CATEGORY_DEFAULT_DAYS[form.category]} 天（含发布当天）。`
            : '不同类别有默认的公示天数。'}
        </View>
      </Field>
      {village && village.groups.length > 0 ? (
        <Field label="公开给谁">
          <Chips<number | null>
            options={[
              { value: null, label: '全村' },
              ...village.groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
            value={form.audienceGroupId}
            onChange={(v) => edit('audienceGroupId', v)}
          />
          {form.audienceGroupId !== null ? (
            <View className="xl-muted compose__hint">
              只有这个组的村民会收到提醒、在公开栏里看到；分享出去的链接任何人都能打开。
            </View>
          ) : null}
        </Field>
      ) : null}
      <Field label="要每户确认已阅吗？（如开会通知）">
        <Chips
          options={YES_NO}
          value={yesNo(form.requiresAck)}
          onChange={(v) => edit('requiresAck', v === 'yes')}
        />
      </Field>
      <Field label="是重大事项吗？（重大事项要随时公开，日历会提醒）">
        <Chips options={YES_NO} value={yesNo(form.major)} onChange={(v) => edit('major', v === 'yes')} />
      </Field>
    </>
  )
}
