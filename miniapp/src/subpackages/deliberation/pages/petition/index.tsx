import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { showProblem } from '@/api/request'
import { getPetition, signPetition, withdrawPetition } from '@/components/deliberation/api'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { criterionLine, petitionButtons, petitionTone, TARGET_HELP } from '@/logic/deliberationPetition'
import { formatTime } from '@/logic/format'
import { idParam } from '@/logic/grievance'
import { ROUTES, withQuery } from '@/routes'
import '@/components/grievance/grievance.scss'
import '@/components/deliberation/deliberation.scss'

/** One petition: what it asks, how many signed against the legal threshold, my signature. */
export default function PetitionPage() {
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
        <EmptyView title="没有找到这份联名" description="链接不完整，请从“联名提议”里打开。" />
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
  const can = petitionButtons(p)

  async function act(confirmText: string, content: string, work: () => Promise<typeof p>) {
    const { confirm } = await Taro.showModal({ title: confirmText, content, confirmText })
    if (!confirm) return
    setBusy(true)
    try {
      const next = await work()
      found.setData(() => next)
      void Taro.showToast({ title: '已办理', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot>
      <View className="xl-card xl-delib-card">
        <View className="xl-delib-card__head">
          <Text className="xl-delib-card__title">{p.title}</Text>
          <Text className={`xl-state-tag xl-state-tag--${petitionTone(p.status)}`}>{p.statusLabel}</Text>
        </View>
        <View className="xl-delib-card__meta">
          <Text>提议召开{p.targetLabel}</Text>
          <Text>
            {p.initiatorName}发起 · {formatTime(p.createdAt)}
          </Text>
        </View>
        <View className="xl-delib-content">{p.text}</View>
      </View>

      <View className="xl-card">
        <View className="xl-card__title">已有 {p.signatures} 人签名</View>
        <View className="xl-muted">{TARGET_HELP[p.target]}</View>
        {p.criteria.map((c) => {
          const line = criterionLine(c)
          return (
            <View key={c.criterion} className={`xl-delib-quorum${line.met ? ' xl-delib-quorum--met' : ''}`}>
              <View className="xl-delib-quorum__bar">
                <View className="xl-delib-quorum__fill" style={{ width: `${line.percent}%` }} />
              </View>
              <View className="xl-muted">{line.text}</View>
            </View>
          )
        })}
        {p.reached ? (
          <View className="xl-delib-voted">
            已达到法定人数{p.reachedAt ? `（${formatTime(p.reachedAt)}）` : ''}，村委会应当召集会议
          </View>
        ) : null}
        {can.note ? <View className="xl-muted xl-delib-agenda">{can.note}</View> : null}
        <View className="xl-actions">
          {can.sign ? (
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={busy}
              onClick={() =>
                void act('我要签名', `同意提议召开${p.targetLabel}：“${p.title}”。签名后不能撤销。`, () =>
                  signPetition(villageId, p.id, { toast: false }),
                )
              }
            >
              我要签名
            </Button>
          ) : null}
          {can.withdraw ? (
            <Button
              disabled={busy}
              onClick={() =>
                void act('撤回联名', '撤回后大家不能再签名，确定吗？', () =>
                  withdrawPetition(villageId, p.id, { toast: false }),
                )
              }
            >
              撤回
            </Button>
          ) : null}
          {can.convene ? (
            <Button
              type="primary"
              onClick={() =>
                void Taro.navigateTo({
                  url: withQuery(ROUTES.committeeDeliberationNew, {
                    villageId,
                    petitionId: p.id,
                    title: p.title,
                  }),
                })
              }
            >
              据此发起议事
            </Button>
          ) : null}
          {p.deliberationId ? (
            <Button
              onClick={() =>
                void Taro.navigateTo({
                  url: withQuery(ROUTES.deliberationDetail, { id: p.deliberationId!, villageId }),
                })
              }
            >
              查看议事
            </Button>
          ) : null}
        </View>
      </View>
    </PageRoot>
  )
}
