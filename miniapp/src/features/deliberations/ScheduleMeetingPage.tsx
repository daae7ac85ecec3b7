import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import {
  DELIBERATION_BODY_LABELS,
  meetingNoticeRoutes,
  type BallotKind,
  type DeliberationBody,
  type SchedulePreview,
} from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PhotoPicker } from '@/components/Photos'
import { DateInput } from '@/platform/DateInput'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { asApiError, useResource } from '@/hooks/useResource'
import { ballotLabel } from './deliberation'
import { Tick } from './Tick'
import { dayLabel, noticeRuleOf, noticeRuleText, type FormErrors } from './deliberationForm'
import {
  checkRescheduleForm,
  checkScheduleForm,
  compositionWarnings,
  confirmScheduleText,
  earliestText,
  emptyScheduleForm,
  type ScheduleForm,
  scheduleRequest,
} from './deliberationSchedule'
import { idParam } from '@/logic/links'
import { uploadedIds, type DraftPhoto } from '@/logic/photoDraft'
import { deliberationGate } from './deliberationGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './deliberation.scss'
import { deliberationRoutes } from '@xiangli/shared'

const BALLOTS: { value: BallotKind; label: string }[] = [
  { value: 'open', label: ballotLabel('open') },
  { value: 'secret', label: ballotLabel('secret') },
]

const BALLOT_HELP: Record<BallotKind, string> = {
  open: '举手或在手机上表决，谁投了什么大家都能知道。',
  secret: '无记名投票：只记谁投了票，不记投了什么，谁也查不到。',
}

type Errors = FormErrors<keyof ScheduleForm | 'reason'>

/**
 * 安排会议 for the current step (the body, when and where, the agenda, the ballot, a paper notice
 * already on the board), or, with `meetingId`, 会议改期 of a meeting not yet held or one that lapsed.
 * The notice goes out when the server receives it; the page shows the earliest lawful day it allows.
 */
export function ScheduleMeetingPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const meetingId = idParam(params.meetingId)
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const allowed = ctx.villageId !== null && id !== null
  const found = useResource(
    allowed
      ? () => call(deliberationRoutes.detail, { params: { villageId, id: id! } }, { toast: false })
      : null,
    [allowed, villageId, id],
  )
  const [form, setForm] = useState<ScheduleForm | null>(null)
  const [reason, setReason] = useState('')
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const [preview, setPreview] = useState<SchedulePreview | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [sending, setSending] = useState(false)
  const key = useRef(randomKey())

  const d = found.data
  const step = d?.procedure.steps.find((s) => s.key === d.step) ?? null
  const moving = meetingId !== null ? (d?.meetings.find((m) => m.id === meetingId) ?? null) : null
  const body: DeliberationBody | null = form?.body ?? moving?.body ?? step?.bodies[0] ?? null
  // "now" is the server's: the preview says when a notice sent now would be published
  const now = preview ? new Date(preview.noticeAt) : new Date()

  useEffect(() => {
    if (!allowed || !body || !step || step.kind !== 'meeting') return
    let live = true
    call(meetingNoticeRoutes.preview, { params: { villageId, id: id! }, query: { body } }, { toast: false })
      .then((p) => {
        if (!live) return
        setPreview(p)
        // the first answer proposes the earliest lawful day
        setForm((f) =>
          f ? f : { ...emptyScheduleForm(body, p, new Date(p.noticeAt)), agenda: d?.title ?? '' },
        )
        if (moving) setForm((f) => (f ? { ...f, location: moving.location } : f))
      })
      .catch(() => {
        if (live) setForm((f) => (f ? f : { ...emptyScheduleForm(body), agenda: d?.title ?? '' }))
      })
    return () => {
      live = false
    }
  }, [allowed, villageId, id, body, step?.key, moving?.id])

  const gate = deliberationGate(ctx, meetingId ? '会议改期' : '安排会议')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!d)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  const reschedulable = moving && (moving.status === 'scheduled' || moving.status === 'lapsed')
  const can = moving
    ? reschedulable && (d.actions.includes('reschedule_meeting') || d.actions.includes('schedule_meeting'))
    : d.actions.includes('schedule_meeting')
  if (!step || step.kind !== 'meeting' || !can)
    return (
      <PageRoot>
        <EmptyView
          title={moving ? '这次会议不能改期' : '现在不用安排会议'}
          description={`这项议事现在是“${d.stepLabel} · ${d.phaseLabel}”。`}
        />
      </PageRoot>
    )
  if (!form) return <PageRoot />

  const edit = <K extends keyof ScheduleForm>(field: K, value: ScheduleForm[K]) => {
    setForm((f) => (f ? { ...f, [field]: value } : f))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const pickBody = (next: DeliberationBody) => {
    // a different body has a different notice rule: the preview of it proposes its day
    setPreview(null)
    setForm((f) => (f ? { ...f, body: next, date: emptyScheduleForm(next, null, now).date } : f))
    setErrors({})
  }
  const rule = preview && preview.body === form.body ? preview.notice : noticeRuleOf(form.body)
  const ruleText = noticeRuleText(form.body, rule)
  const earliest = earliestText(form, preview, now)
  const warnings = compositionWarnings(form, preview)

  async function submit() {
    if (!form || !step || !d) return
    const o = () => ({ idempotencyKey: key.current, toast: false })
    let send: () => Promise<unknown>
    if (moving) {
      const checked = checkRescheduleForm({ ...form, reason }, step.key, { now, preview })
      if (!checked.ok) return refused(checked.errors)
      // the new time goes as an ISO string, as the checked form has it
      const body = { ...checked.value, meetingAt: new Date(checked.value.meetingAt) }
      send = () =>
        call(
          meetingNoticeRoutes.reschedule,
          { params: { villageId, id: d.id, meetingId: moving.id }, body },
          o(),
        )
    } else {
      const checked = checkScheduleForm(form, step.key, { now, preview, photoIds: uploadedIds(photos) })
      if (!checked.ok) return refused(checked.errors)
      send = () =>
        call(
          deliberationRoutes.schedule,
          { params: { villageId, id: d.id }, body: scheduleRequest(checked.value) },
          o(),
        )
    }
    const { confirm } = await Taro.showModal({
      title: moving ? '发出改期通知' : '发出会议通知',
      content: moving
        ? `${DELIBERATION_BODY_LABELS[form.body]}改在${dayLabel(form.date)} ${form.time}在${form.location}召开。改期是重新通知，参会名单上的人都会收到。`
        : confirmScheduleText(form, ruleText),
      confirmText: '发出通知',
    })
    if (!confirm) return
    setSending(true)
    try {
      await send()
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

  function refused(found: Errors) {
    setErrors(found)
    void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
  }

  return (
    <PageRoot>
      <View className="xl-card">
        <View className="xl-card__title">
          {d.title} · {step.label}
          {moving ? ' · 会议改期' : ''}
        </View>
        {moving?.status === 'lapsed' ? (
          <View className="xl-muted">
            原定的会议没有按时召开，已经失效。定一个新的时间，重新通知参会的人。
          </View>
        ) : null}
      </View>
      <View className="xl-card xl-delib-form">
        {moving ? null : (
          <Field label="由哪个会议来办">
            <Chips
              options={step.bodies.map((b) => ({ value: b, label: DELIBERATION_BODY_LABELS[b] }))}
              value={form.body}
              onChange={pickBody}
            />
          </Field>
        )}
        {warnings.length ? (
          <View className="xl-delib-form__rule xl-delib-form__rule--bad xl-delib-composition">
            {warnings.map((w) => (
              <View key={w}>{w}</View>
            ))}
            <View>
              这是《村民委员会组织法》第二十五条的要求，请在下次推选村民代表时补足；会议仍可以召开。
            </View>
          </View>
        ) : null}
        {ruleText || earliest ? (
          <View className={`xl-delib-form__rule${errors.date ? ' xl-delib-form__rule--bad' : ''}`}>
            {ruleText ? <View>{ruleText}</View> : null}
            {earliest ? <View className="xl-delib-earliest">{earliest}</View> : null}
          </View>
        ) : null}
        <Field label="开会日期" error={errors.date}>
          <DateInput
            mode="date"
            value={form.date}
            placeholder="选择开会日期"
            onChange={(v) => edit('date', v)}
          />
        </Field>
        <Field label="开会时间" error={errors.time}>
          <DateInput
            mode="time"
            value={form.time}
            placeholder="选择开会时间"
            onChange={(v) => edit('time', v)}
          />
          <View className="xl-muted">
            到了这个时间才能开始会议和表决；提前 {preview?.checkInLeadMinutes ?? 30} 分钟可以签到。
          </View>
        </Field>
        <Field label="开会地点" error={errors.location}>
          <Input
            value={form.location}
            placeholder="例如：村委会会议室"
            maxLength={100}
            onChange={(v) => edit('location', v)}
          />
        </Field>
        {moving ? (
          <Field label="改期的原因（可不填）">
            <Input value={reason} placeholder="例如：暴雨，改到下周" maxLength={200} onChange={setReason} />
          </Field>
        ) : (
          <>
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
            <Field label="纸质通知" error={errors.paper}>
              <Tick on={form.paper} onChange={(v) => edit('paper', v)}>
                公告栏上已经张贴了纸质通知
              </Tick>
              <View className="xl-muted">
                通知时间按系统发出通知的时间算。早已张贴的纸质通知，拍照登记，经监督委员会确认后按张贴的时间算。
              </View>
            </Field>
            {form.paper ? (
              <>
                <Field label="张贴日期" error={errors.paperDate}>
                  <DateInput
                    mode="date"
                    value={form.paperDate}
                    placeholder="选择张贴日期"
                    onChange={(v) => edit('paperDate', v)}
                  />
                </Field>
                <Field label="张贴时间" error={errors.paperTime}>
                  <DateInput
                    mode="time"
                    value={form.paperTime}
                    placeholder="选择张贴时间"
                    onChange={(v) => edit('paperTime', v)}
                  />
                </Field>
                <Field label="纸质通知的照片">
                  <PhotoPicker
                    villageId={villageId}
                    photos={photos}
                    onChange={setPhotos}
                    max={9}
                    disabled={sending}
                  />
                </Field>
              </>
            ) : null}
          </>
        )}
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
          {moving ? '发出改期通知' : '发出会议通知'}
        </Button>
      </View>
    </PageRoot>
  )
}
