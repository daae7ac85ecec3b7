import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { activityRoutes, ACTIVITY_LIMITS, type ActivityAttendee, type ActivityRoster } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { ReasonDialog } from '@/components/ReasonDialog'
import { EmptyView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { withQuery } from '@/routes'
import * as A from './activity'
import { Failed, organiserGate } from './gates'
import { ActivityFacts } from './ActivityDetailPage'
import { HalfHourStepper } from './ActivityComposePage'
import './activities.scss'

/** The organiser's page: publish or cancel, the QR code, the sign-up list with 代签, and the hours. */
export function ActivityManagePage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null && id !== null
      ? () => call(activityRoutes.roster, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.villageId, id],
  )
  useReshow(() => void found.reload())
  usePullDownRefresh(() => void found.reload().finally(() => void Taro.stopPullDownRefresh()))
  const gate = organiserGate(ctx, '管理活动')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (found.loading && !found.data)
    return (
      <PageRoot className="activity">
        <LoadingView />
      </PageRoot>
    )
  if (!found.data) return <Failed error={found.error} onRetry={() => void found.reload()} />
  return (
    <ManageBody
      key={found.data.activity.id}
      roster={found.data}
      villageId={villageId}
      onChange={(r) => found.setData(() => r)}
      reload={() => void found.reload()}
    />
  )
}

function ManageBody({
  roster,
  villageId,
  onChange,
  reload,
}: {
  roster: ActivityRoster
  villageId: number
  onChange: (r: ActivityRoster) => void
  reload: () => void
}) {
  const a = roster.activity
  const params = { villageId, id: a.id }
  const [sending, setSending] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const pending = roster.attendees.filter((p) => p.checkedInAt !== null && p.halfHours === null)
  const [hours, setHours] = useState<Record<number, number>>({})
  const hoursOf = (p: ActivityAttendee) => hours[p.residentId] ?? roster.defaultHalfHours
  const now = Date.now()
  const inWindow = now >= Date.parse(a.checkInOpens) && now < Date.parse(a.checkInCloses)
  const showQr = a.state === 'published' || a.state === 'signup_closed'

  async function act(work: () => Promise<unknown>, done: string) {
    setSending(true)
    try {
      const r = await work()
      if (r && typeof r === 'object' && 'attendees' in r) onChange(r as ActivityRoster)
      else reload()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setSending(false)
    }
  }
  const byHand = async (p: ActivityAttendee) => {
    const { confirm } = await Taro.showModal({
      title: '代为签到',
      content: `${p.name}本人到场了吗？确认后记为“代签”，写明是您签的。`,
      confirmText: '已到场',
    })
    if (confirm)
      void act(
        () =>
          call(
            activityRoutes.checkInByHand,
            { params, body: { residentId: p.residentId } },
            { toast: false },
          ),
        '已代签',
      )
  }
  const recordHours = () =>
    void act(
      () =>
        call(
          activityRoutes.recordHours,
          {
            params,
            body: { entries: pending.map((p) => ({ residentId: p.residentId, hours: hoursOf(p) / 2 })) },
          },
          { toast: false },
        ),
      '时长已记下',
    )
  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '结束活动',
      content:
        pending.length > 0 ? `还有 ${pending.length} 人没记时长，结束后不能再记。` : '结束后不能再记时长。',
      confirmText: '结束',
    })
    if (confirm) void act(() => call(activityRoutes.close, { params }, { toast: false }), '已结束')
  }

  return (
    <PageRoot className="activity">
      <ActivityFacts a={a} />
      <View className="activity__actions">
        {showQr ? (
          <Button
            type="primary"
            size="xlarge"
            block
            onClick={() => void Taro.navigateTo({ url: withQuery(A.ACTIVITY_PAGES.qr, params) })}
          >
            显示签到二维码
          </Button>
        ) : null}
        {a.mayPublish ? (
          <Button
            type="primary"
            size="large"
            block
            disabled={sending}
            onClick={() =>
              void act(() => call(activityRoutes.publish, { params }, { toast: false }), '已发布')
            }
          >
            发布活动
          </Button>
        ) : null}
        {a.mayCancel ? (
          <Button size="large" block fill="outline" disabled={sending} onClick={() => setCancelling(true)}>
            取消活动
          </Button>
        ) : null}
      </View>

      <View className="xl-card">
        <View className="activity__title">
          报名名单（{roster.attendees.length} 人，已签到 {a.checkedIn} 人）
        </View>
        {roster.attendees.length === 0 ? (
          <EmptyView title="还没有人报名" />
        ) : (
          roster.attendees.map((p) => (
            <View key={p.residentId} className="activity__person">
              <View>
                <View className="activity__person-name">
                  {p.name}
                  {p.walkIn ? '（现场报名）' : ''}
                </View>
                <View className="activity__person-state">
                  {p.checkedInAt === null
                    ? '未签到'
                    : p.checkInMethod === 'hand'
                      ? `已签到（${p.checkedInByName ?? ''}代签）`
                      : '已签到（扫码）'}
                  {p.halfHours !== null ? ` · 已记 ${A.hoursText(p.halfHours)}` : ''}
                </View>
              </View>
              {p.checkedInAt === null && inWindow && showQr ? (
                <Button size="large" fill="outline" disabled={sending} onClick={() => void byHand(p)}>
                  代签
                </Button>
              ) : null}
            </View>
          ))
        )}
      </View>

      {a.mayRecordHours && pending.length > 0 ? (
        <View className="xl-card">
          <View className="activity__title">确认志愿时长</View>
          <View className="xl-muted activity__note">
            每人按实际参加记，最多 {A.hoursText(roster.maxHalfHours)}（活动时长）。每人只记一次。
          </View>
          {pending.map((p) => (
            <View key={p.residentId} className="activity__person">
              <Text className="activity__person-name">{p.name}</Text>
              <HalfHourStepper
                value={hoursOf(p)}
                min={0}
                max={roster.maxHalfHours}
                onChange={(v) => setHours({ ...hours, [p.residentId]: v })}
              />
            </View>
          ))}
          <View className="activity__actions">
            <Button
              type="primary"
              size="xlarge"
              block
              loading={sending}
              disabled={sending}
              onClick={recordHours}
            >
              确认时长（{pending.length} 人）
            </Button>
          </View>
        </View>
      ) : null}

      {a.mayClose ? (
        <View className="activity__actions">
          <Button size="large" block fill="outline" disabled={sending} onClick={() => void close()}>
            结束活动
          </Button>
        </View>
      ) : null}

      <ReasonDialog
        visible={cancelling}
        title="取消活动"
        hint="报名的村民会看到取消原因。"
        placeholder="例如：天气预报有大雨，改期再通知"
        confirmText="取消活动"
        maxLength={ACTIVITY_LIMITS.cancelReason}
        check={(t) => (t.trim() ? null : '请写明取消原因')}
        onSubmit={async (reason) => {
          try {
            await call(activityRoutes.cancel, { params, body: { reason } }, { toast: false })
            setCancelling(false)
            reload()
          } catch (e) {
            const error = asApiError(e)
            if (!error.sessionEnded) showProblem(error.message)
          }
        }}
        onClose={() => setCancelling(false)}
      />
    </PageRoot>
  )
}
