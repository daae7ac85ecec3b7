import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import { DateInput } from '@/platform/DateInput'
import { ReasonDialog } from '@/components/ReasonDialog'
import { asApiError } from '@/hooks/useResource'
import type { DeliberationDetail } from './deliberation'
import { dayLabel } from './deliberationForm'
import {
  SOLICITATION_MIN_DAYS,
  checkSummary,
  checkWindow,
  opinionCountText,
  solicitButtons,
  suggestedLastDay,
  summaryView,
  windowView,
} from './deliberationSolicit'
import { ROUTES, withQuery } from '@/routes'
import { Field } from '@/components/Form'
import './deliberation.scss'
import { call } from '@/api/request'
import { deliberationRoutes } from '@xiangli/shared'

/**
 * 一征 on the detail page while it is the current step: the window, how many opinions came in, and
 * the buttons the caller has — the committee opens the window and sums up, a resident gives an
 * opinion, those who may read them open the opinions.
 */
export function SolicitCard({
  d,
  villageId,
  seesAll,
  onChanged,
}: {
  d: DeliberationDetail
  villageId: number
  /** the 两委 and the supervisors read every opinion */
  seesAll: boolean
  onChanged: (next: DeliberationDetail) => void
}) {
  const [lastDay, setLastDay] = useState(() => suggestedLastDay(new Date(), SOLICITATION_MIN_DAYS))
  const [dayError, setDayError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [summarising, setSummarising] = useState(false)
  const s = d.solicitation ?? null
  if (!s) return null
  const step = d.procedure.steps.find((x) => x.kind === 'solicitation')
  if (!step) return null
  const current = d.step === step.key && d.phase !== 'done' && d.status === 'in_progress'
  const window = windowView(s)
  const can = solicitButtons({ actions: current ? d.actions : [], solicitation: s }, seesAll)
  const go = (url: string) => void Taro.navigateTo({ url })
  const q = { id: d.id, villageId }
  // once summed up, the summary card says it all; a resident who gave an opinion can still read it
  if (!current && !can.seeOpinions) return null

  async function open(): Promise<void> {
    const checked = checkWindow(lastDay, SOLICITATION_MIN_DAYS)
    if (!checked.ok) {
      setDayError(checked.error)
      return
    }
    setDayError(null)
    const { confirm } = await Taro.showModal({
      title: '开始征求意见',
      content: `从现在起到 ${dayLabel(lastDay)} 24 时，社区居民都可以在手机上提意见。开始后截止时间不能再改。`,
      confirmText: '开始',
      cancelText: '再看看',
    })
    if (!confirm) return
    setBusy(true)
    try {
      onChanged(
        await call(
          deliberationRoutes.openSolicitation,
          {
            params: { villageId, id: d.id },
            body: { step: step!.key, closesAt: new Date(checked.closesAt) },
          },
          { toast: false },
        ),
      )
      void Taro.showToast({ title: '已开始征求意见', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) setDayError(error.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="xl-card xl-delib-solicit">
      <View className="xl-card__title">
        {step.label} · {current ? d.phaseLabel : '居民意见'}
      </View>
      <View className="xl-delib-solicit__window">{window.text}</View>
      {window.state !== 'not_set' ? <View className="xl-muted">{opinionCountText(s)}</View> : null}
      {can.openWindow ? (
        <View className="xl-delib-form">
          <Field label="征求意见截止日期" error={dayError ?? undefined}>
            <DateInput
              mode="date"
              value={lastDay}
              placeholder="选择截止日期"
              onChange={(v) => {
                setLastDay(v)
                setDayError(null)
              }}
            />
          </Field>
          <View className="xl-muted">
            从现在开始，至少 {SOLICITATION_MIN_DAYS} 天。截止那天的 24 时停止收意见，之后两委汇总意见。
          </View>
        </View>
      ) : null}
      <View className="xl-actions">
        {can.openWindow ? (
          <Button type="primary" loading={busy} disabled={busy} onClick={() => void open()}>
            开始征求意见
          </Button>
        ) : null}
        {can.giveOpinion ? (
          <Button type="primary" onClick={() => go(withQuery(ROUTES.deliberationOpinion, q))}>
            提意见
          </Button>
        ) : null}
        {can.postSummary ? (
          <Button type="primary" onClick={() => setSummarising(true)}>
            汇总意见
          </Button>
        ) : null}
        {can.seeOpinions ? (
          <Button onClick={() => go(withQuery(ROUTES.deliberationOpinions, q))}>
            {seesAll ? '查看居民意见' : '我提的意见'}
          </Button>
        ) : null}
      </View>
      {can.summaryWaits ? <View className="xl-muted">征求意见截止后，才能汇总意见。</View> : null}
      <ReasonDialog
        visible={summarising}
        title="汇总居民意见"
        hint={`共收到 ${s.opinionCount} 条意见。汇总发布后全社区都能看到，不能修改，接着进入提议：`}
        placeholder="例如：共收到 12 条意见，多数支持，主要建议是……"
        confirmText="发布汇总"
        maxLength={3000}
        check={checkSummary}
        onSubmit={async (text) => {
          onChanged(
            await call(deliberationRoutes.postSummary, {
              params: { villageId, id: d.id },
              body: { step: step.key, text },
            }),
          )
          setSummarising(false)
          void Taro.showToast({ title: '汇总已发布', icon: 'success' })
        }}
        onClose={() => setSummarising(false)}
      />
    </View>
  )
}

/** 一征's summary, shown on the detail page from the moment it is posted. */
export function SummaryCard({ d }: { d: DeliberationDetail }) {
  const v = summaryView(d.opinionSummary ?? null)
  if (!v) return null
  return (
    <View className="xl-card xl-delib-summary">
      <View className="xl-card__title">{v.title}</View>
      <View className="xl-delib-content">{v.text}</View>
      <View className="xl-muted">{v.meta}</View>
    </View>
  )
}
