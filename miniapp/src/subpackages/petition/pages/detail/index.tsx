import { useRef, useState, type ReactNode } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import { DELIBERATION_PAGES, type PetitionView } from '@xiangli/shared'
import { randomKey } from '@/api/core'
import { showProblem } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { formatTime } from '@/logic/format'
import { idParam } from '@/logic/grievance'
import {
  checkConveneForm,
  conveneDraft,
  MATTER_OPTIONS,
  petitionActions,
  petitionProgress,
  petitionStatusTag,
  petitionTone,
  signConfirmText,
  signersText,
  stillNeeded,
  thresholdRule,
  type ConveneForm,
  type ConveneFormErrors,
} from '@/logic/petition'
import { withQuery } from '@/routes'
import { convenePetition, getPetition, signPetition, withdrawPetition } from '../../api'
import '@/components/grievance/grievance.scss'
import '../../petition.scss'

/** One petition: what it asks, how many signed against the legal threshold, my signature, and what the committee did. */
export default function PetitionDetailPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null && id !== null ? () => getPetition(villageId, id, { toast: false }) : null,
    [ctx.villageId, id],
  )
  const [busy, setBusy] = useState(false)
  useReshow(() => void found.reload())
  usePullDownRefresh(() => {
    void found.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = residentGate(ctx, '联名提议', {
    title: '实名认证后才能联名',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能参加联名提议。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (id === null)
    return (
      <PageRoot>
        <EmptyView title="没有找到这份联名" description="链接不完整，请从“办事 → 联名提议”里打开。" />
      </PageRoot>
    )
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
  const p = found.data
  const progress = petitionProgress(p)
  const can = petitionActions(p)
  const missing = stillNeeded(p)
  const deliberationUrl = p.deliberationId
    ? withQuery(DELIBERATION_PAGES.detail, { id: p.deliberationId, villageId })
    : null

  async function act(title: string, content: string, confirmText: string, work: () => Promise<PetitionView>) {
    const { confirm } = await Taro.showModal({ title, content, confirmText })
    if (!confirm) return
    setBusy(true)
    try {
      const next = await work()
      found.setData(() => next)
      void Taro.showToast({ title: '已办好', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (error.sessionEnded) return
      showProblem(error.message)
      // someone else may have changed it meanwhile (signed it over the threshold, convened it)
      void found.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className="petition">
      <View className="xl-card">
        <View className="petition__row-head">
          <Text className="petition__title">{p.title}</Text>
          <Text className={`xl-state-tag xl-state-tag--${petitionTone(p.status)}`}>
            {petitionStatusTag(p.status)}
          </Text>
        </View>
        <View className="petition__meta">
          <Text>提议召开{p.targetLabel}</Text>
          <Text>
            {p.initiatorName}发起 · {formatTime(p.createdAt)}
          </Text>
        </View>
        <View className="petition__text">{p.text}</View>
      </View>

      <View className="xl-card petition__progress">
        <View className="petition__headline">{progress.headline}</View>
        <View className="petition__bar">
          <View
            className={`petition__fill${progress.reached ? ' petition__fill--met' : ''}`}
            style={{ width: `${progress.percent}%` }}
          />
        </View>
        {progress.lines.map((l) => (
          <View key={l.criterion} className={`xl-muted petition__line${l.met ? ' petition__line--met' : ''}`}>
            {l.text}
          </View>
        ))}
        {missing ? <View className="petition__line">{missing}</View> : null}
        <View className="petition__rule">
          {thresholdRule(p.target)}
          {signersText(p.target)}
        </View>
        {p.status === 'reached' ? (
          <View className="petition__banner petition__banner--waiting">
            已达到法定人数{p.reachedAt ? `（${formatTime(p.reachedAt)}）` : ''}，村委会已收到通知，应当召集
            {p.targetLabel}。
          </View>
        ) : null}
        {p.status === 'convened' ? (
          <View className="petition__banner">已列入议事，村委会将按程序召集{p.targetLabel}。</View>
        ) : null}
        {p.status === 'withdrawn' ? (
          <View className="petition__banner petition__banner--waiting">
            发起人已撤回{p.withdrawnAt ? `（${formatTime(p.withdrawnAt)}）` : ''}。
          </View>
        ) : null}
      </View>

      <View className="xl-card">
        <View className="xl-card__title">我的联名</View>
        <View className="xl-card__text petition__mine">{can.myStatus}</View>
        <View className="xl-actions">
          {can.sign ? (
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={busy}
              onClick={() =>
                void act('我要联名', signConfirmText(p), '联名', () =>
                  signPetition(villageId, p.id, { toast: false }),
                )
              }
            >
              我要联名
            </Button>
          ) : null}
          {can.withdraw ? (
            <Button
              size="large"
              disabled={busy}
              onClick={() =>
                void act('撤回联名', '撤回后大家不能再签名，这份联名就结束了。确定撤回吗？', '撤回', () =>
                  withdrawPetition(villageId, p.id, { toast: false }),
                )
              }
            >
              撤回联名
            </Button>
          ) : null}
          {deliberationUrl ? (
            <Button
              type="primary"
              size="large"
              onClick={() => void Taro.navigateTo({ url: deliberationUrl })}
            >
              查看议事
            </Button>
          ) : null}
        </View>
      </View>

      {can.convene ? (
        <Convene
          petition={p}
          villageId={villageId}
          procedure={ctx.membership?.orgKind === 'community' ? '一征三议两公开' : '四议两公开'}
          onDone={(next) => {
            found.setData(() => next)
          }}
        />
      ) : null}
    </PageRoot>
  )
}

/** The committee turns a reached petition into a deliberation (the unit's procedure starts from it). */
function Convene({
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
      await convenePetition(villageId, checked.value, { idempotencyKey: key.current, toast: false })
      void Taro.showToast({ title: '已列入议事', icon: 'success' })
      onDone(await getPetition(villageId, petition.id, { toast: false }))
    } catch (e) {
      const error = asApiError(e)
      if (error.sessionEnded) return
      showProblem(error.message)
      // another member of the committee may have convened it meanwhile
      if (error.code === 'PETITION_ALREADY_CONVENED')
        void getPetition(villageId, petition.id, { toast: false }).then(onDone, () => undefined)
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

function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className={`petition__field${error ? ' petition__field--bad' : ''}`}>
      <View className="petition__label">{label}</View>
      {children}
      {error ? <View className="petition__error">{error}</View> : null}
    </View>
  )
}
