import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { randomKey } from '@/api/core'
import { showProblem, call } from '@/api/request'
import { Field } from '@/components/Form'
import { NoticeBlock } from './StepList'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { asApiError, useResource } from '@/hooks/useResource'
import { checkPublish } from './deliberationForm'
import { idParam } from '@/logic/links'
import { deliberationGate } from './deliberationGate'
import { useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './deliberation.scss'
import { deliberationRoutes } from '@xiangli/shared'

/** 决议公开 (when it was not published by itself) or 实施结果公开, linked to the resolution. */
export function DeliberationPublishPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useCommitteeVillage()
  const villageId = ctx.villageId ?? 0
  const allowed = ctx.villageId !== null && id !== null
  const found = useResource(
    allowed
      ? () => call(deliberationRoutes.detail, { params: { villageId, id: id! } }, { toast: false })
      : null,
    [allowed, villageId, id],
  )
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ title?: string; text?: string }>({})
  const [sending, setSending] = useState(false)
  const key = useRef(randomKey())
  const d = found.data
  const results = d?.step === 'publish_results'

  useEffect(() => {
    if (d && !title) setTitle(results ? `实施结果公开：${d.title}` : `决议公开：${d.title}`)
  }, [d])

  const gate = deliberationGate(ctx, '公开')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!d)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )
  if (!d.actions.includes('publish'))
    return (
      <PageRoot>
        <EmptyView
          title="现在没有要公开的"
          description={`这项议事现在是“${d.stepLabel} · ${d.phaseLabel}”。`}
        />
      </PageRoot>
    )
  const resolution = d.notices.find((n) => n.category === 'resolution') ?? null

  async function submit() {
    if (!d) return
    const checked = checkPublish(d.step, title, text)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    const { confirm } = await Taro.showModal({
      title: results ? '公开实施结果' : '公开决议',
      content: '公开后全村都能看到，内容不能再改。确定公开吗？',
      confirmText: '公开',
    })
    if (!confirm) return
    setSending(true)
    try {
      await call(
        deliberationRoutes.publish,
        { params: { villageId, id: d.id }, body: checked.value },
        { idempotencyKey: key.current, toast: false },
      )
      void Taro.showToast({ title: '已公开', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 600)
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
      {results && resolution ? (
        <View className="xl-card">
          <View className="xl-muted">这次公开会和下面的决议连在一起：</View>
          <NoticeBlock n={resolution} />
        </View>
      ) : null}
      <View className="xl-card xl-delib-form">
        <Field label="公告标题" error={errors.title}>
          <Input
            value={title}
            placeholder="公告标题"
            maxLength={60}
            onChange={(v) => {
              setTitle(v)
              setErrors((e) => ({ ...e, title: undefined }))
            }}
          />
        </Field>
        <Field label={results ? '实施结果' : '决议内容'} error={errors.text}>
          <TextArea
            value={text}
            placeholder={results ? '办得怎么样了，花了多少钱，什么时候完成的' : '决议的内容'}
            maxLength={5000}
            showCount
            autoSize
            onChange={(v) => {
              setText(v)
              setErrors((e) => ({ ...e, text: undefined }))
            }}
          />
        </Field>
      </View>
      <View className="xl-delib-submit">
        <Button type="primary" size="xlarge" block loading={sending} onClick={() => void submit()}>
          {results ? '公开实施结果' : '公开决议'}
        </Button>
      </View>
    </PageRoot>
  )
}
