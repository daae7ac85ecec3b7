import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { pollRoutes, POLL_NOT_BINDING, type PollView } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { StateTag } from '@/components/StateTag'
import { ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import * as P from './poll'
import './polls.scss'

/** One poll: a resident answers it once; everyone sees counts (never who chose what) when shown. */
export function PollDetailPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null && id !== null
      ? () => call(pollRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.villageId, id],
  )
  usePullDownRefresh(() => void found.reload().finally(() => void Taro.stopPullDownRefresh()))
  const gate = residentGate(ctx, '问卷')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (found.loading && !found.data) return <LoadingView />
  if (!found.data) return <ErrorView error={found.error} onRetry={() => void found.reload()} />
  return (
    <PollBody
      key={found.data.id}
      poll={found.data}
      villageId={villageId}
      onChange={(p) => found.setData(() => p)}
    />
  )
}

function PollBody({
  poll,
  villageId,
  onChange,
}: {
  poll: PollView
  villageId: number
  onChange: (p: PollView) => void
}) {
  const [choices, setChoices] = useState(() => P.noChoices(poll))
  const [sending, setSending] = useState(false)
  const [key] = useState(randomKey)
  const params = { villageId, id: poll.id }

  async function act(work: () => Promise<PollView>, done: string) {
    setSending(true)
    try {
      onChange(await work())
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }
  const submit = () => {
    const missing = P.firstUnanswered(choices)
    if (missing !== null) return void Taro.showToast({ title: `第 ${missing} 题还没选`, icon: 'none' })
    void act(async () => {
      await call(pollRoutes.answer, { params, body: { choices } }, { idempotencyKey: key, toast: false })
      return call(pollRoutes.detail, { params }, { toast: false })
    }, '已提交')
  }
  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '提前结束问卷',
      content: '结束后村民不能再填写，所有人都能看到结果。',
      confirmText: '结束',
    })
    if (confirm) void act(() => call(pollRoutes.close, { params }, { toast: false }), '已结束')
  }

  return (
    <PageRoot className="poll">
      <View className="xl-card">
        <View className="poll__row-head">
          <Text className="poll__title">{poll.title}</Text>
          <StateTag tone={P.POLL_STATE_TONE[poll.state]} label={P.pollStateLabel(poll.state)} />
        </View>
        {poll.explanation ? <View className="poll__text">{poll.explanation}</View> : null}
        <View className="poll__meta">
          <Text>{poll.createdByName} 发起</Text>
          <Text>截止 {poll.endsOn}</Text>
          <Text>{poll.respondents} 人已填</Text>
        </View>
      </View>
      <View className="xl-card poll__binding">{POLL_NOT_BINDING}</View>
      {poll.questions.map((q, qi) => (
        <View key={qi} className="xl-card poll__question">
          <View className="poll__q">
            {qi + 1}. {q.text}（{q.multiple ? '可多选' : '单选'}）
          </View>
          {q.options.map((o, oi) =>
            poll.mayAnswer ? (
              <View
                key={oi}
                className={`poll__option xl-tap${choices[qi]!.includes(oi) ? ' poll__option--on' : ''}`}
                onClick={() => setChoices(P.toggleChoice(choices, qi, oi, q.multiple))}
              >
                {o.text}
              </View>
            ) : (
              <View key={oi} className="poll__result">
                <View className="poll__result-line">
                  <Text>{o.text}</Text>
                  {o.count !== null ? <Text>{o.count} 人</Text> : null}
                </View>
                {o.count !== null ? (
                  <View className="poll__bar">
                    <View
                      className="poll__fill"
                      style={{ width: `${P.sharePercent(o.count, poll.respondents)}%` }}
                    />
                  </View>
                ) : null}
              </View>
            ),
          )}
        </View>
      ))}
      {!poll.mayAnswer && !poll.resultsVisible ? (
        <View className="xl-muted poll__note">
          {poll.answeredByMe ? '您已填写。' : ''}结果在问卷截止后公布。
        </View>
      ) : null}
      {poll.resultsVisible ? (
        <View className="xl-muted poll__note">只统计人数，谁选了什么不记录、不公开。</View>
      ) : null}
      <View className="poll__start">
        {poll.mayAnswer ? (
          <Button type="primary" size="xlarge" block loading={sending} disabled={sending} onClick={submit}>
            提交（每人只能填一次）
          </Button>
        ) : null}
        {poll.mayClose ? (
          <Button size="large" block fill="outline" disabled={sending} onClick={() => void close()}>
            提前结束问卷
          </Button>
        ) : null}
      </View>
    </PageRoot>
  )
}
