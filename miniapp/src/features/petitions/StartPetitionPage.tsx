import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { petitionRoutes } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError } from '@/hooks/useResource'
import {
  checkPetitionForm,
  PETITION_PAGES,
  targetOptions,
  type PetitionForm,
  type PetitionFormErrors,
} from './petition'
import { Field } from '@/components/Form'
import { withQuery } from '@/routes'
import './petition.scss'

/** Start a petition: which meeting, why, and the legal threshold it has to reach, in plain words. */
export function StartPetitionPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const options = useMemo(
    () => targetOptions(ctx.membership?.orgKind ?? 'village'),
    [ctx.membership?.orgKind],
  )
  const [form, setForm] = useState<PetitionForm | null>(null)
  const [errors, setErrors] = useState<PetitionFormErrors>({})
  const [sending, setSending] = useState(false)
  // one key per petition being written: a resend after a lost connection makes no second petition
  const [key] = useState(randomKey)

  const gate = residentGate(ctx, '联名提议', {
    title: '实名认证后才能发起联名',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能发起联名提议。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  const f: PetitionForm = form ?? { target: options[0].value, title: '', text: '' }
  const option = options.find((o) => o.value === f.target) ?? options[0]

  const edit = <K extends keyof PetitionForm>(field: K, value: PetitionForm[K]) => {
    setForm({ ...f, [field]: value })
    if (errors[field as keyof PetitionFormErrors]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  async function submit() {
    const checked = checkPetitionForm(f)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    const { confirm } = await Taro.showModal({
      title: '发起联名',
      content: `提议召开${option.label}：“${checked.value.title}”。发起后您就是第一个签名的人，全村都能看到并联名。`,
      confirmText: '发起',
    })
    if (!confirm) return
    setSending(true)
    try {
      const view = await call(
        petitionRoutes.create,
        { params: { villageId }, body: checked.value },
        { idempotencyKey: key, toast: false },
      )
      void Taro.showToast({ title: '已发起', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(PETITION_PAGES.detail, { id: view.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="petition">
      <View className="xl-card">
        <Field label="提议召开哪个会议" error={errors.target}>
          <Chips options={options} value={f.target} onChange={(t) => edit('target', t)} />
          <View className="petition__rule">{option.help}</View>
        </Field>
        <Field label="事由" error={errors.title}>
          <Input
            value={f.title}
            placeholder="一句话说清楚，例如：提议召开村民会议商量修村北的路"
            maxLength={60}
            onChange={(v) => edit('title', v)}
          />
        </Field>
        <Field label="具体内容" error={errors.text}>
          <TextArea
            value={f.text}
            placeholder="为什么要开这个会、想让大家议什么、有什么想法，说得越清楚越容易得到联名"
            maxLength={2000}
            showCount
            autoSize
            onChange={(v) => edit('text', v)}
          />
        </Field>
      </View>
      <View className="petition__submit">
        <Button
          type="primary"
          size="xlarge"
          block
          loading={sending}
          disabled={sending}
          onClick={() => void submit()}
        >
          发起联名
        </Button>
        <View className="xl-muted petition__note">
          联名用实名。人数达到法定人数后，村委会会收到通知，应当召集会议。
        </View>
      </View>
    </PageRoot>
  )
}
