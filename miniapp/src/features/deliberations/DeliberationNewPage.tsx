import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { randomKey } from '@/api/core'
import { showProblem, call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { asApiError } from '@/hooks/useResource'
import { MATTER_OPTIONS, RESERVED_MATTER_NOTE } from './deliberation'
import { Tick } from './Tick'
import {
  SOURCE_OPTIONS,
  checkCreateForm,
  emptyCreateForm,
  type CreateForm,
  type FormErrors,
} from './deliberationForm'
import { idParam } from '@/logic/links'
import { ROUTES, withQuery } from '@/routes'
import { deliberationGate } from './deliberationGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './deliberation.scss'
import { deliberationRoutes } from '@xiangli/shared'

/** 发起议事: the matter, its type (Art 24 matters say who must decide them), where it came from. */
export function DeliberationNewPage() {
  const { params } = useRouter()
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  // opened from a petition that reached the threshold: it is the source
  const petitionId = idParam(params.petitionId)
  const [form, setForm] = useState<CreateForm>(() =>
    petitionId !== null
      ? {
          ...emptyCreateForm(),
          sourceKind: 'petition',
          petitionId: String(petitionId),
          title: (params.title ? decodeURIComponent(params.title) : '').slice(0, 60),
        }
      : emptyCreateForm(),
  )
  const [errors, setErrors] = useState<FormErrors<keyof CreateForm>>({})
  const [sending, setSending] = useState(false)
  // one key for this form: a retry after a lost answer makes one deliberation, not two
  const key = useRef(randomKey())

  const gate = deliberationGate(ctx, '发起议事')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const edit = <K extends keyof CreateForm>(field: K, value: CreateForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const matter = MATTER_OPTIONS.find((o) => o.value === form.matterType)!

  async function submit() {
    const checked = checkCreateForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    setSending(true)
    try {
      const d = await call(
        deliberationRoutes.create,
        { params: { villageId }, body: checked.value },
        {
          idempotencyKey: key.current,
          toast: false,
        },
      )
      void Taro.showToast({ title: '已发起', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(ROUTES.deliberationDetail, { id: d.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot>
      <View className="xl-card xl-delib-form">
        <Field label="议题" error={errors.title}>
          <Input
            value={form.title}
            placeholder="一句话说清楚，例如：修建村东头便民桥"
            maxLength={60}
            onChange={(v) => edit('title', v)}
          />
        </Field>
        <Field label="议题内容" error={errors.content}>
          <TextArea
            value={form.content}
            placeholder="为什么要办、怎么办、要花多少钱、钱从哪里来"
            maxLength={5000}
            showCount
            autoSize
            onChange={(v) => edit('content', v)}
          />
        </Field>
        <Field label="事项类型">
          {MATTER_OPTIONS.map((o) => (
            <Tick key={o.value} on={o.value === form.matterType} onChange={() => edit('matterType', o.value)}>
              <View>{o.label}</View>
              <View className="xl-muted">{o.help}</View>
            </Tick>
          ))}
          {matter.reserved ? <View className="xl-delib-form__rule">{RESERVED_MATTER_NOTE}</View> : null}
        </Field>
        {matter.reserved ? (
          <Field label="村民会议的授权（没有就不填）" error={errors.delegation}>
            <Input
              value={form.delegation}
              placeholder="例如：2026年第1次村民会议决议"
              maxLength={100}
              onChange={(v) => edit('delegation', v)}
            />
            <View className="xl-muted">填了授权，决议这一步也可以由村民代表会议来开。</View>
          </Field>
        ) : null}
        <Field label="议题来源" error={errors.grievanceId ?? errors.reference ?? errors.petitionId}>
          {form.sourceKind === 'petition' ? (
            <View>村民联名提议（第 {form.petitionId} 号），已达到法定人数</View>
          ) : (
            <Chips options={SOURCE_OPTIONS} value={form.sourceKind} onChange={(v) => edit('sourceKind', v)} />
          )}
          {form.sourceKind === 'grievance' ? (
            <Input
              type="digit"
              value={form.grievanceId}
              placeholder="村民说事的编号"
              maxLength={10}
              onChange={(v) => edit('grievanceId', v)}
            />
          ) : null}
          {form.sourceKind === 'higher_assignment' ? (
            <Input
              value={form.reference}
              placeholder="交办文件或交办单，例如：镇发〔2026〕3号"
              maxLength={100}
              onChange={(v) => edit('reference', v)}
            />
          ) : null}
        </Field>
      </View>
      <View className="xl-delib-submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          发起议事
        </Button>
        <View className="xl-muted">发起后，从“提议”开始，按四议两公开一步一步办。</View>
      </View>
    </PageRoot>
  )
}
