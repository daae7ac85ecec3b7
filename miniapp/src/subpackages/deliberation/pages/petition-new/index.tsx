import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { randomKey } from '@/api/core'
import { showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { startPetition } from '@/components/deliberation/api'
import { Field } from '@/components/deliberation/Field'
import { PageRoot } from '@/components/PageRoot'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError } from '@/hooks/useResource'
import {
  checkPetitionForm,
  TARGET_HELP,
  targetOptions,
  type PetitionForm,
} from '@/logic/deliberationPetition'
import { ROUTES, withQuery } from '@/routes'
import '@/components/deliberation/deliberation.scss'

/** 发起联名提议: which meeting, why, and the details; the initiator signs first. */
export default function PetitionNewPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const options = targetOptions(ctx.membership?.orgKind ?? 'village')
  const [form, setForm] = useState<PetitionForm>({ target: options[0]!.value, title: '', text: '' })
  const [errors, setErrors] = useState<{ title?: string; text?: string }>({})
  const [sending, setSending] = useState(false)
  const key = useRef(randomKey())

  const gate = residentGate(ctx, '联名提议', {
    title: '实名认证后才能联名',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能发起联名提议。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>

  async function submit() {
    const checked = checkPetitionForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setSending(true)
    try {
      const p = await startPetition(villageId, checked.value, { idempotencyKey: key.current, toast: false })
      void Taro.showToast({ title: '已发起', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(ROUTES.petitionDetail, { id: p.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
      key.current = randomKey()
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot>
      <View className="xl-card xl-delib-form">
        <Field label="提议召开">
          <Chips
            options={options}
            value={form.target}
            onChange={(target) => setForm((f) => ({ ...f, target }))}
          />
          <View className="xl-muted">{TARGET_HELP[form.target]}</View>
        </Field>
        <Field label="事由" error={errors.title}>
          <Input
            value={form.title}
            placeholder="例如：商议村西头道路硬化"
            maxLength={60}
            onChange={(title) => {
              setForm((f) => ({ ...f, title }))
              setErrors((e) => ({ ...e, title: undefined }))
            }}
          />
        </Field>
        <Field label="具体内容" error={errors.text}>
          <TextArea
            value={form.text}
            placeholder="为什么要开会，想让大家定什么"
            maxLength={2000}
            showCount
            autoSize
            onChange={(text) => {
              setForm((f) => ({ ...f, text }))
              setErrors((e) => ({ ...e, text: undefined }))
            }}
          />
        </Field>
      </View>
      <View className="xl-delib-submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          发起并签名
        </Button>
        <View className="xl-muted">发起后您就是第一个签名的人，全村都能看到并参加签名。</View>
      </View>
    </PageRoot>
  )
}
