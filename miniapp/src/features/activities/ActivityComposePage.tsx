import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { activityRoutes, ACTIVITY_LIMITS } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Form'
import { PageRoot } from '@/components/PageRoot'
import { useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError } from '@/hooks/useResource'
import { DateInput } from '@/platform/DateInput'
import { withQuery } from '@/routes'
import * as A from './activity'
import { organiserGate } from './gates'
import './activities.scss'

const KINDS = [
  { value: 'volunteer', label: '志愿服务（记时长）' },
  { value: 'plain', label: '一般活动' },
] as const

/** The 两委 write an activity: what, where, when (picked), how many, volunteering hours; publish or keep a draft. */
export function ActivityComposePage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [f, setF] = useState<A.ActivityForm>(() => A.blankActivityForm(new Date()))
  const [errors, setErrors] = useState<A.ActivityFormErrors>({})
  const [sending, setSending] = useState(false)
  const [key] = useState(randomKey)
  const range = A.dayRange(new Date())

  const gate = organiserGate(ctx, '发布活动')
  if (gate) return <PageRoot>{gate}</PageRoot>
  const edit = (change: Partial<A.ActivityForm>) => {
    setF({ ...f, ...change })
    setErrors({})
  }

  async function submit(publish: boolean) {
    const checked = A.checkActivityForm(f, publish)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请把标红的地方改一下', icon: 'none' })
      return
    }
    setSending(true)
    try {
      const view = await call(
        activityRoutes.create,
        { params: { villageId }, body: checked.value },
        { idempotencyKey: key, toast: false },
      )
      void Taro.showToast({ title: publish ? '已发布' : '已存为草稿', icon: 'success' })
      void Taro.redirectTo({ url: withQuery(A.ACTIVITY_PAGES.manage, { id: view.id, villageId }) })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageRoot className="activity">
      <View className="xl-card">
        <Field label="活动名称" error={errors.title}>
          <Input
            value={f.title}
            placeholder="例如：清理村口小河"
            maxLength={ACTIVITY_LIMITS.title}
            onChange={(v) => edit({ title: v })}
          />
        </Field>
        <Field label="活动地点" error={errors.place}>
          <Input
            value={f.place}
            placeholder="例如：村口小河桥头"
            maxLength={ACTIVITY_LIMITS.place}
            onChange={(v) => edit({ place: v })}
          />
        </Field>
        <Field label="活动内容（可不填）" error={errors.description}>
          <TextArea
            value={f.description}
            placeholder="做什么、带什么、注意什么"
            maxLength={ACTIVITY_LIMITS.description}
            autoSize
            onChange={(v) => edit({ description: v })}
          />
        </Field>
      </View>
      <View className="xl-card">
        <Field label="活动日期" error={errors.when}>
          <DateInput
            mode="date"
            value={f.date}
            placeholder="选择活动日期"
            start={range.start}
            end={range.end}
            onChange={(v) => edit({ date: v })}
          />
        </Field>
        <Field label="开始时间">
          <DateInput
            mode="time"
            value={f.startTime}
            placeholder="选择开始时间"
            onChange={(v) => edit({ startTime: v })}
          />
        </Field>
        <Field label="结束时间">
          <DateInput
            mode="time"
            value={f.endTime}
            placeholder="选择结束时间"
            onChange={(v) => edit({ endTime: v })}
          />
        </Field>
        <Field label="报名截止日期" error={errors.deadlineDate}>
          <DateInput
            mode="date"
            value={f.deadlineDate}
            placeholder="选择报名截止日期"
            start={range.start}
            end={range.end}
            onChange={(v) => edit({ deadlineDate: v })}
          />
        </Field>
        <Field label="报名截止时间">
          <DateInput
            mode="time"
            value={f.deadlineTime}
            placeholder="选择报名截止时间"
            onChange={(v) => edit({ deadlineTime: v })}
          />
        </Field>
        <Field label="人数上限" error={errors.capacity}>
          <Input
            type="number"
            value={f.capacity}
            placeholder="例如：20"
            onChange={(v) => edit({ capacity: v })}
          />
        </Field>
      </View>
      <View className="xl-card">
        <Field label="活动类型" error={errors.plannedHours}>
          <Chips
            options={KINDS}
            value={f.volunteering ? 'volunteer' : 'plain'}
            onChange={(k) => edit({ volunteering: k === 'volunteer' })}
          />
        </Field>
        {f.volunteering ? (
          <Field label="每人计划时长（按半小时）">
            <HalfHourStepper
              value={f.plannedHalfHours}
              min={1}
              onChange={(v) => edit({ plannedHalfHours: v })}
            />
          </Field>
        ) : null}
      </View>
      <View className="activity__actions">
        <Button
          type="primary"
          size="xlarge"
          block
          loading={sending}
          disabled={sending}
          onClick={() => void submit(true)}
        >
          发布活动
        </Button>
        <Button size="large" block fill="outline" disabled={sending} onClick={() => void submit(false)}>
          存为草稿
        </Button>
      </View>
    </PageRoot>
  )
}

/** Hours picked in half-hour steps with two large buttons, never typed. */
export function HalfHourStepper({
  value,
  min = 0,
  max = 48,
  onChange,
}: {
  value: number
  min?: number
  max?: number
  onChange: (half: number) => void
}) {
  return (
    <View className="activity__stepper">
      <Button
        size="large"
        fill="outline"
        disabled={value <= min}
        onClick={() => onChange(A.stepHalfHours(value, -1, min, max))}
      >
        减半小时
      </Button>
      <Text className="activity__hours">{A.hoursText(value)}</Text>
      <Button
        size="large"
        fill="outline"
        disabled={value >= max}
        onClick={() => onChange(A.stepHalfHours(value, 1, min, max))}
      >
        加半小时
      </Button>
    </View>
  )
}
