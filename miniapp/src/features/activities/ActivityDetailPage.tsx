import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { activityRoutes, chinaTimeLabel, parseCheckInScan, type ActivityView } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { StateTag } from '@/components/StateTag'
import { LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError, useResource } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { canScan, scanCode } from '@/platform/scanCode'
import { withQuery } from '@/routes'
import * as A from './activity'
import { Failed } from './gates'
import './activities.scss'

/** One activity: a resident signs up, cancels before the deadline, checks in on the day. */
export function ActivityDetailPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const found = useResource(
    ctx.villageId !== null && id !== null
      ? () => call(activityRoutes.detail, { params: { villageId, id } }, { toast: false })
      : null,
    [ctx.villageId, id],
  )
  usePullDownRefresh(() => void found.reload().finally(() => void Taro.stopPullDownRefresh()))
  const gate = residentGate(ctx, '活动')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (found.loading && !found.data)
    return (
      <PageRoot className="activity">
        <LoadingView />
      </PageRoot>
    )
  if (!found.data) return <Failed error={found.error} onRetry={() => void found.reload()} />
  return <ActivityBody activity={found.data} villageId={villageId} onChange={(a) => found.setData(() => a)} />
}

/** What an activity says to anyone: time, place, places, hours. */
export function ActivityFacts({ a }: { a: ActivityView }) {
  return (
    <View className="xl-card">
      <View className="activity__row-head">
        <Text className="activity__title">{a.title}</Text>
        <StateTag tone={A.ACTIVITY_STATE_TONE[a.state]} label={A.activityStateLabel(a.state)} />
      </View>
      <View className="activity__meta">
        <Text>时间：{A.timeSpan(a.startsAt, a.endsAt)}</Text>
        <Text>地点：{a.place}</Text>
        <Text>报名截止：{chinaTimeLabel(new Date(a.signUpDeadline))}</Text>
        <Text>{A.placesText(a)}</Text>
        {a.volunteering ? <Text>志愿服务，计划 {A.hoursText(a.plannedHalfHours)}</Text> : null}
        <Text>{a.createdByName} 发布</Text>
      </View>
      {a.description ? <View className="activity__text">{a.description}</View> : null}
      {a.cancelReason ? <View className="activity__text">取消原因：{a.cancelReason}</View> : null}
    </View>
  )
}

function ActivityBody({
  activity: a,
  villageId,
  onChange,
}: {
  activity: ActivityView
  villageId: number
  onChange: (a: ActivityView) => void
}) {
  const [sending, setSending] = useState(false)
  const params = { villageId, id: a.id }

  async function act(work: () => Promise<ActivityView>, done: string) {
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
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: '取消后名额会留给别人，截止前还可以再报。',
      confirmText: '取消报名',
    })
    if (confirm) void act(() => call(activityRoutes.withdraw, { params }, { toast: false }), '已取消报名')
  }
  const scan = async () => {
    const read = await scanCode()
    if (read === null) return
    const found = parseCheckInScan(read)
    if (!found || (found.id !== null && found.id !== a.id))
      return showProblem('这不是这个活动的签到码，请扫组织者手机上的二维码')
    void Taro.navigateTo({ url: withQuery(A.ACTIVITY_PAGES.checkIn, { ...params, token: found.token }) })
  }

  return (
    <PageRoot className="activity">
      <ActivityFacts a={a} />
      {a.checkedInByMe ? (
        <View className="xl-card activity__done">
          已签到{a.myHalfHours !== null ? `，记志愿时长 ${A.hoursText(a.myHalfHours)}` : ''}
        </View>
      ) : a.signedUpByMe ? (
        <View className="xl-card activity__done">您已报名，请按时参加</View>
      ) : null}
      {a.mayCheckIn ? (
        <View className="xl-muted activity__note">
          {canScan()
            ? '到了现场，点“扫码签到”，扫组织者手机上的二维码。'
            : '到了现场，用手机相机扫组织者手机上的二维码，打开链接就签到了。'}
          {a.signedUpByMe ? '' : '没报名的，有空位也可以现场签到。'}
        </View>
      ) : null}
      <View className="activity__actions">
        {a.maySignUp ? (
          <Button
            type="primary"
            size="xlarge"
            block
            loading={sending}
            disabled={sending}
            onClick={() =>
              void act(() => call(activityRoutes.signUp, { params }, { toast: false }), '报名成功')
            }
          >
            报名参加
          </Button>
        ) : null}
        {a.mayCheckIn && canScan() ? (
          <Button type="primary" size="xlarge" block disabled={sending} onClick={() => void scan()}>
            扫码签到
          </Button>
        ) : null}
        {a.mayWithdraw ? (
          <Button size="large" block fill="outline" disabled={sending} onClick={() => void withdraw()}>
            取消报名
          </Button>
        ) : null}
        {a.mayManage ? (
          <Button
            size="large"
            block
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: withQuery(A.ACTIVITY_PAGES.manage, params) })}
          >
            管理这个活动
          </Button>
        ) : null}
      </View>
    </PageRoot>
  )
}
