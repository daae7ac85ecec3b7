import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { deliberationRoutes, petitionRoutes, type PetitionView } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { asApiError } from '@/hooks/useResource'
import {
  checkConveneForm,
  conveneDraft,
  MATTER_OPTIONS,
  type ConveneForm,
  type ConveneFormErrors,
} from './petition'
import { Field } from '@/components/Form'
import './petition.scss'

/** The committee turns a reached petition into a deliberation (the unit's procedure starts from it). */
export function PetitionConvene({
  petition,
  villageId,
  procedure,
  onDone,
}: {
  petition: PetitionView
  villageId: number
  /** 四议两公开 in a village, 一征三议两公开 in a community */
  procedure: string
  onDone: (next: PetitionView) => void
}) {
  const [form, setForm] = useState<ConveneForm>(() => conveneDraft(petition))
  const [errors, setErrors] = useState<ConveneFormErrors>({})
  const [sending, setSending] = useState(false)
  // resent unchanged after a lost connection, the server makes one deliberation; an edit is a new request
  const key = useRef(randomKey())
  const reread = () =>
    call(petitionRoutes.detail, { params: { villageId, id: petition.id } }, { toast: false })

  const edit = <K extends keyof ConveneForm>(field: K, value: ConveneForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }))
    key.current = randomKey()
    if (field in errors) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  async function submit() {
    const checked = checkConveneForm(form, petition.id)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    const { confirm } = await Taro.showModal({
      title: '列入议事',
      content: `把这份联名列入议事，按程序召集${petition.targetLabel}。联名的人会收到通知。`,
      confirmText: '列入议事',
    })
    if (!confirm) return
    setSending(true)
    try {
      // POST …/deliberations with `source: { kind: 'petition', petitionId }`: the petition becomes 已列入议事
      await call(
        deliberationRoutes.create,
        { params: { villageId }, body: checked.value },
        { idempotencyKey: key.current, toast: false },
      )
      void Taro.showToast({ title: '已列入议事', icon: 'success' })
      onDone(await reread())
    } catch (e) {
      const error = asApiError(e)
      if (error.sessionEnded) return
      showProblem(error.message)
      // another member of the committee may have convened it meanwhile
      if (error.code === 'PETITION_ALREADY_CONVENED') void reread().then(onDone, () => undefined)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className="xl-card petition__convene">
      <View className="xl-card__title">列入议事（村委会）</View>
      <View className="xl-card__text">
        联名已达到法定人数，依法应当召集{petition.targetLabel}。把它列入议事后，按{procedure}的程序安排开会。
      </View>
      <Field label="议题" error={errors.title}>
        <Input
          value={form.title}
          placeholder="议题，例如：集资修建村北道路"
          maxLength={60}
          onChange={(v) => edit('title', v)}
        />
      </Field>
      <Field label="议题内容" error={errors.content}>
        <TextArea
          value={form.content}
          placeholder="要议什么、怎么议"
          maxLength={5000}
          autoSize
          onChange={(v) => edit('content', v)}
        />
      </Field>
      <Field label="事项类别">
        <Chips
          className="petition__matters"
          options={MATTER_OPTIONS}
          value={form.matterType}
          onChange={(m) => edit('matterType', m)}
        />
      </Field>
      <View className="xl-actions">
        <Button
          type="primary"
          size="large"
          loading={sending}
          disabled={sending}
          onClick={() => void submit()}
        >
          列入议事
        </Button>
      </View>
    </View>
  )
}
