import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { ReasonDialog } from '@/components/ReasonDialog'
import { SolicitCard, SummaryCard } from './SolicitCard'
import { NoticeBlock, StatusTag, StepList } from './StepList'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import {
  RESERVED_MATTER_NOTE,
  committeeButtons,
  isSupervisor,
  isVillageCadre,
  liveMeeting,
  sourceView,
  stepList,
  type DeliberationDetail,
  type NoticeView,
} from './deliberation'
import { lapsedMeeting, nextActorLine } from './deliberationMeetingTime'
import { idParam } from '@/logic/links'
import { ROUTES, withQuery } from '@/routes'
import './deliberation.scss'
import { call } from '@/api/request'
import { deliberationRoutes } from '@xiangli/shared'

type Asking = { kind: 'reject' } | { kind: 'opinion'; notice: NoticeView }

/**
 * One deliberation: what is proposed, where it came from, the procedure step by step with each
 * meeting's result, and the two publications with the supervisors' opinion.
 */
export function DeliberationDetailPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null && id !== null
      ? () => call(deliberationRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.villageId, id],
  )
  const [asking, setAsking] = useState<Asking | null>(null)
  useReshow(() => void found.reload())
  usePullDownRefresh(() => {
    void found.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = residentGate(ctx, '村里议事', {
    title: '实名认证后才能看村里议事',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能看村里议的事。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (id === null)
    return (
      <PageRoot>
        <EmptyView title="没有找到这项议事" description="链接不完整，请从“村里议事”里打开。" />
      </PageRoot>
    )
  if (!found.data)
    return (
      <PageRoot>
        <Pending resource={found} />
      </PageRoot>
    )

  const d = found.data
  const shown = (next: DeliberationDetail) => found.setData(() => next)
  const source = sourceView(d.source)
  const can = committeeButtons(d)
  const live = liveMeeting(d)
  const lapsed = lapsedMeeting(d)
  const next = nextActorLine(d)
  const supervisor = isSupervisor(ctx.membership)
  const steps = stepList(d)
  const q = { id: d.id, villageId }
  const go = (url: string) => void Taro.navigateTo({ url })
  const openMeeting = (meetingId: number) => go(withQuery(ROUTES.deliberationMeeting, { ...q, meetingId }))

  async function submitReason(text: string): Promise<void> {
    if (!asking) return
    const next =
      asking.kind === 'reject'
        ? await call(deliberationRoutes.reject, {
            params: { villageId, id: d.id },
            body: { step: d.step, reason: text },
          })
        : await call(deliberationRoutes.supervisionOpinion, {
            params: { villageId, id: d.id, noticeId: asking.notice.id },
            body: { opinion: text },
          })
    shown(next)
    setAsking(null)
    void Taro.showToast({ title: asking.kind === 'reject' ? '已终止' : '意见已发布', icon: 'success' })
  }

  const renderNotice = (n: NoticeView) => (
    <NoticeBlock n={n}>
      {supervisor && n.supervisionOpinion === null ? (
        <View className="xl-actions">
          <Button onClick={() => setAsking({ kind: 'opinion', notice: n })}>提出监督意见</Button>
        </View>
      ) : null}
    </NoticeBlock>
  )

  return (
    <PageRoot>
      <View className="xl-card xl-delib-card">
        <View className="xl-delib-card__head">
          <Text className="xl-delib-card__title">{d.title}</Text>
          <StatusTag status={d.status} />
        </View>
        <View className="xl-delib-card__meta">
          <Text>{d.procedure.label}</Text>
          <Text>事项：{d.matterLabel}</Text>
        </View>
        {d.matterType !== 'ordinary' ? (
          <View className="xl-muted xl-delib-content">{RESERVED_MATTER_NOTE}</View>
        ) : null}
        {d.delegationResolution ? (
          <View className="xl-muted">村民会议授权：{d.delegationResolution}</View>
        ) : null}
        <View className="xl-delib-content">{d.content}</View>
        <View className="xl-delib-card__meta">
          <Text>来源：{source.label}</Text>
          {source.grievanceId ? (
            <Text
              className="xl-delib-link xl-tap xl-tap--line"
              onClick={() => go(withQuery(ROUTES.grievanceDetail, { id: source.grievanceId!, villageId }))}
            >
              {source.detail} ›
            </Text>
          ) : source.petitionId ? (
            <Text
              className="xl-delib-link xl-tap xl-tap--line"
              onClick={() => go(withQuery(ROUTES.petitionDetail, { id: source.petitionId!, villageId }))}
            >
              {source.detail} ›
            </Text>
          ) : source.detail ? (
            <Text>{source.detail}</Text>
          ) : null}
        </View>
      </View>

      <SummaryCard d={d} />
      <SolicitCard
        d={d}
        villageId={villageId}
        seesAll={supervisor || isVillageCadre(ctx.membership)}
        onChanged={shown}
      />

      {live || lapsed || next || can.schedule || can.publish || can.reject ? (
        <View className="xl-card">
          {/* during 一征 the card above says where it stands */}
          {d.solicitation &&
          d.procedure.steps.find((x) => x.key === d.step)?.kind === 'solicitation' ? null : (
            <View className="xl-card__title">
              现在：{d.stepLabel} · {d.phaseLabel}
            </View>
          )}
          {live ? (
            <View className="xl-muted">
              {live.bodyLabel}，{live.location}
            </View>
          ) : null}
          {lapsed ? (
            <View className="xl-delib-form__rule xl-delib-form__rule--bad">
              {lapsed.bodyLabel}没有按时召开，已经失效，要重新安排时间并重新通知。
            </View>
          ) : null}
          {next ? (
            <View className={`xl-delib-next${next.mine ? ' xl-delib-next--mine' : ''}`}>{next.text}</View>
          ) : null}
          {live || can.schedule || can.publish ? (
            <View className="xl-actions">
              {live ? (
                <Button type="primary" onClick={() => openMeeting(live.id)}>
                  {live.status === 'in_session' ? '进入会议' : '查看会议通知'}
                </Button>
              ) : null}
              {can.schedule && lapsed ? (
                <Button
                  type="primary"
                  onClick={() =>
                    go(withQuery(ROUTES.committeeDeliberationSchedule, { ...q, meetingId: lapsed.id }))
                  }
                >
                  重新安排会议
                </Button>
              ) : null}
              {can.schedule ? (
                <Button
                  type={lapsed ? 'default' : 'primary'}
                  onClick={() => go(withQuery(ROUTES.committeeDeliberationSchedule, q))}
                >
                  {lapsed ? '另行安排会议' : '安排会议'}
                </Button>
              ) : null}
              {can.publish ? (
                <Button type="primary" onClick={() => go(withQuery(ROUTES.committeeDeliberationPublish, q))}>
                  {d.step === 'publish_results' ? '公开实施结果' : '公开决议'}
                </Button>
              ) : null}
            </View>
          ) : null}
          {can.reject ? (
            <View className="xl-actions">
              <Button type="default" onClick={() => setAsking({ kind: 'reject' })}>
                终止议事
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="xl-card">
        <View className="xl-card__title">议事过程</View>
        <StepList steps={steps} onOpenMeeting={openMeeting} renderNotice={renderNotice} />
      </View>

      <ReasonDialog
        visible={asking !== null}
        title={asking?.kind === 'opinion' ? '监督意见' : '终止议事'}
        hint={
          asking?.kind === 'opinion'
            ? `对“${asking.notice.title}”的意见，发布后全村都能看到，不能修改：`
            : '终止后这项议事不再往下办。请写明原因，全村都能看到：'
        }
        placeholder={asking?.kind === 'opinion' ? '例如：经核实，公开内容与决议一致。' : '例如：不符合政策'}
        confirmText={asking?.kind === 'opinion' ? '发布意见' : '终止'}
        maxLength={asking?.kind === 'opinion' ? 1000 : 200}
        check={(t) => (t.trim() ? null : asking?.kind === 'opinion' ? '请填写监督意见' : '请填写终止的原因')}
        onSubmit={submitReason}
        onClose={() => setAsking(null)}
      />
    </PageRoot>
  )
}
