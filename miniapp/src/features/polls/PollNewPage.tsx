import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { pollRoutes, POLL_LIMITS, POLL_NOT_BINDING } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError } from '@/hooks/useResource'
import { DateInput } from '@/platform/DateInput'
import { withQuery } from '@/routes'
import * as P from './poll'
import './polls.scss'

const KINDS = [
  { value: 'single', label: '单选' },
  { value: 'multiple', label: '多选' },
] as const
const SHOW = [
  { value: 'after', label: '截止后公布' },
  { value: 'anytime', label: '截止前也能看' },
] as const

/** The committee writes a poll: title, a short explanation, 1–5 questions, the end day. */
export function PollNewPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [f, setF] = useState<P.PollForm>(() => P.blankPollForm(new Date()))
  const [errors, setErrors] = useState<P.PollFormErrors>({})
  const [sending, setSending] = useState(false)
  const [key] = useState(randomKey)
  const range = P.endDayRange(new Date())

  const gate = residentGate(ctx, '发起问卷')
  if (gate) return <PageRoot>{gate}</PageRoot>
  const edit = (next: P.PollForm) => {
    setF(next)
    setErrors({})
  }

  async function submit() {
    const checked = P.checkPollForm(f)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    setSending(true)
    try {
      const view = await call(
        pollRoutes.create,
        { params: { villageId }, body: checked.value },
        { idempotencyKey: key, toast: false },
      )
      void Taro.showToast({ title: '已发起', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(P.POLL_PAGES.detail, { id: view.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="poll">
      <View className="xl-card poll__binding">{POLL_NOT_BINDING}</View>
      <View className="xl-card">
        <Field label="标题" error={errors.title}>
          <Input
            value={f.title}
            placeholder="例如：文化广场晚上开放到几点"
            maxLength={POLL_LIMITS.title}
            onChange={(v) => edit({ ...f, title: v })}
          />
        </Field>
        <Field label="说明（可不填）" error={errors.explanation}>
          <TextArea
            value={f.explanation}
            placeholder="为什么问、问完怎么用，说清楚大家更愿意填"
            maxLength={POLL_LIMITS.explanation}
            autoSize
            onChange={(v) => edit({ ...f, explanation: v })}
          />
        </Field>
        <Field label="截止日期（当天 24 点结束）" error={errors.endsOn}>
          <DateInput
            mode="date"
            value={f.endsOn}
            placeholder="选择截止日期"
            start={range.start}
            end={range.end}
            onChange={(v) => edit({ ...f, endsOn: v })}
          />
        </Field>
        <Field label="村民什么时候能看到结果">
          <Chips
            options={SHOW}
            value={f.resultsBeforeEnd ? 'anytime' : 'after'}
            onChange={(v) => edit({ ...f, resultsBeforeEnd: v === 'anytime' })}
          />
        </Field>
      </View>
      {f.questions.map((q, qi) => (
        <View key={qi} className="xl-card poll__question">
          <Field label={`第 ${qi + 1} 题`} error={errors[`q${qi}`]}>
            <Input
              value={q.text}
              placeholder="问题"
              maxLength={POLL_LIMITS.question}
              onChange={(v) => edit(P.editQuestion(f, qi, { text: v }))}
            />
            <Chips
              options={KINDS}
              value={q.multiple ? 'multiple' : 'single'}
              onChange={(k) => edit(P.editQuestion(f, qi, { multiple: k === 'multiple' }))}
            />
            {q.options.map((o, oi) => (
              <View key={oi} className="poll__option-edit">
                <Input
                  value={o}
                  placeholder={`选项 ${oi + 1}`}
                  maxLength={POLL_LIMITS.option}
                  onChange={(v) => edit(P.editOption(f, qi, oi, v))}
                />
                {P.canRemoveOption(q) ? (
                  <Button size="large" fill="outline" onClick={() => edit(P.removeOption(f, qi, oi))}>
                    删除
                  </Button>
                ) : null}
              </View>
            ))}
          </Field>
          <View className="poll__actions">
            {P.canAddOption(q) ? (
              <Button size="large" fill="outline" onClick={() => edit(P.addOption(f, qi))}>
                加一个选项
              </Button>
            ) : null}
            {P.canRemoveQuestion(f) ? (
              <Button size="large" fill="outline" onClick={() => edit(P.removeQuestion(f, qi))}>
                删除这题
              </Button>
            ) : null}
          </View>
        </View>
      ))}
      <View className="poll__start">
        {P.canAddQuestion(f) ? (
          <Button size="large" block fill="outline" onClick={() => edit(P.addQuestion(f))}>
            加一道题（最多 {POLL_LIMITS.maxQuestions} 道）
          </Button>
        ) : null}
      </View>
      <View className="poll__start">
        <Button
          type="primary"
          size="xlarge"
          block
          loading={sending}
          disabled={sending}
          onClick={() => void submit()}
        >
          发起问卷
        </Button>
      </View>
    </PageRoot>
  )
}
