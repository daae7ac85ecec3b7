import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { DELIBERATION_BODY_LABELS, type BallotKind, type DeliberationBody } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { getDeliberation, scheduleMeeting } from '@/components/deliberation/api'
import { Field, Tick } from '@/components/deliberation/Field'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { asApiError, useResource } from '@/hooks/useResource'
import { ballotLabel } from '@/logic/deliberation'
import {
  checkScheduleForm,
  dayLabel,
  emptyScheduleForm,
  noticeHint,
  noticeRuleOf,
  noticeRuleText,
  type FormErrors,
  type ScheduleForm,
} from '@/logic/deliberationForm'
import { idParam } from '@/logic/grievance'
import { deliberationGate } from '../../deliberationGate'
import { useCommitteeVillage } from '../../useCommitteeVillage'
import '@/components/deliberation/deliberation.scss'

const BALLOTS: { value: BallotKind; label: string }[] = [
  { value: 'open', label: ballotLabel('open') },
  { value: 'secret', label: ballotLabel('secret') },
]

const BALLOT_HELP: Record<BallotKind, string> = {
  open: '举手或在手机上表决，谁投了什么大家都能知道。',
  secret: '无记名投票：只记谁投了票，不记投了什么，谁也查不到。',
}

/** 安排会议 for the current step: the body, when and where, the agenda, open or secret ballot, the notice. */
export default function ScheduleMeetingPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const allowed = ctx.villageId !== null && id !== null
  const found = useResource(allowed ? () => getDeliberation(villageId, id!, { toast: false }) : null, [
    allowed,
    villageId,
    id,
  ])
  const [form, setForm] = useState<ScheduleForm | null>(null)
  const [errors, setErrors] = useState<FormErrors<keyof ScheduleForm>>({})
  const [sending, setSending] = useState(false)
  const key = useRef(randomKey())

  const step = found.data?.procedure.steps.find((s) => s.key === found.data?.step) ?? null
  useEffect(() => {
    if (step && !form) {
      const f = emptyScheduleForm(step.bodies[0]!)
      setForm({ ...f, agenda: found.data?.title ?? '' })
    }
  }, [step, form])

  const gate = deliberationGate(ctx, '安排会议')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (found.loading && !found.data)
    return (
      <PageRoot>
        <LoadingView />
      </PageRoot>
    )
  if (!found.data)
    return (
      <PageRoot>
        <ErrorView error={found.error} onRetry={() => void found.reload()} />
      </PageRoot>
    )
  const d = found.data
  if (!step || step.kind !== 'meeting' || !d.actions.includes('schedule_meeting'))
    return (
      <PageRoot>
        <EmptyView
          title="现在不用安排会议"
          description={`这项议事现在是“${d.stepLabel} · ${d.phaseLabel}”。`}
        />
      </PageRoot>
    )
  if (!form) return <PageRoot />

  const edit = <K extends keyof ScheduleForm>(field: K, value: ScheduleForm[K]) => {
    setForm((f) => (f ? { ...f, [field]: value } : f))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const pickBody = (body: DeliberationBody) => {
    // a different body has a different notice rule: propose a day that keeps it
    const fresh = emptyScheduleForm(body)
    setForm((f) => (f ? { ...f, body, date: fresh.date } : f))
    setErrors({})
  }
  const rule = noticeRuleOf(form.body)
  const ruleText = noticeRuleText(form.body)
  const hint = noticeHint(form)

  async function submit() {
    if (!form || !step) return
    const checked = checkScheduleForm(form, step.key)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    const { confirm } = await Taro.showModal({
      title: '发出会议通知',
      content: `${DELIBERATION_BODY_LABELS[form.body]}定于${dayLabel(form.date)} ${form.time}在${form.location}召开。${
        ruleText ?? ''
      }发出后，参会名单就定下来了，参会的人会收到通知。`,
      confirmText: '发出通知',
    })
    if (!confirm) return
    setSending(true)
    try {
      await scheduleMeeting(villageId, d.id, checked.value, { idempotencyKey: key.current, toast: false })
      void Taro.showToast({ title: '通知已发出', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
      // a changed form after a refusal is a new submission
      key.current = randomKey()
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot>
      <View className="xl-card">
        <View className="xl-card__title">
          {d.title} · {step.label}
        </View>
      </View>
      <View className="xl-card xl-delib-form">
        <Field label="由哪个会议来办">
          <Chips
            options={step.bodies.map((b) => ({ value: b, label: DELIBERATION_BODY_LABELS[b] }))}
            value={form.body}
            onChange={pickBody}
          />
          {form.body === 'representatives_meeting' &&
          d.matterType !== 'ordinary' &&
          !d.delegationResolution ? (
            <View className="xl-delib-form__rule xl-delib-form__rule--bad">
              这件事属于第二十四条规定的事项，没有村民会议的授权，村民代表会议不能决定。
            </View>
          ) : null}
        </Field>
        {ruleText ? (
          <View className={`xl-delib-form__rule${hint?.tooEarly ? ' xl-delib-form__rule--bad' : ''}`}>
            <View>{ruleText}</View>
            {hint ? <View>{hint.text}</View> : null}
          </View>
        ) : null}
        <Field label="开会日期" error={errors.date}>
          <Input
            value={form.date}
            placeholder="例如：2026-12-05"
            maxLength={10}
            onChange={(v) => edit('date', v)}
          />
        </Field>
        <Field label="开会时间" error={errors.time}>
          <Input
            value={form.time}
            placeholder="例如：19:30"
            maxLength={5}
            onChange={(v) => edit('time', v)}
          />
        </Field>
        <Field label="开会地点" error={errors.location}>
          <Input
            value={form.location}
            placeholder="例如：村委会会议室"
            maxLength={100}
            onChange={(v) => edit('location', v)}
          />
        </Field>
        <Field label="会议议题" error={errors.agenda}>
          <TextArea
            value={form.agenda}
            placeholder="这次会议要议什么、表决什么"
            maxLength={2000}
            showCount
            autoSize
            onChange={(v) => edit('agenda', v)}
          />
        </Field>
        <Field label="表决方式">
          <Chips options={BALLOTS} value={form.ballot} onChange={(v) => edit('ballot', v)} />
          <View className="xl-muted">{BALLOT_HELP[form.ballot]}</View>
        </Field>
        <Field label="通知发出日期（今天发，就不用改）" error={errors.noticeDate}>
          <Input
            value={form.noticeDate}
            placeholder="例如：2026-11-25"
            maxLength={10}
            onChange={(v) => edit('noticeDate', v)}
          />
          <View className="xl-muted">纸质通知早已在公告栏张贴的，填张贴的那一天。</View>
        </Field>
        {rule.agendaRequired ? (
          <Field label="公布议题" error={errors.agendaPublished}>
            <Tick on={form.agendaPublished} onChange={(v) => edit('agendaPublished', v)}>
              会议议题已经向全村公布
            </Tick>
          </Field>
        ) : null}
        {rule.planRequired ? (
          <Field label="方案" error={errors.planSent}>
            <Tick on={form.planSent} onChange={(v) => edit('planSent', v)}>
              方案已经发给参会的党员
            </Tick>
          </Field>
        ) : null}
      </View>
      <View className="xl-delib-submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          发出会议通知
        </Button>
      </View>
    </PageRoot>
  )
}
