import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { activityRoutes, chinaTimeLabel, type ActivityCheckInResult } from '@xiangli/shared'
import type { ApiError } from '@/api/core'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { withQuery } from '@/routes'
import * as A from './activity'
import './activities.scss'

/**
 * Where the organiser's QR code leads (the phone's camera opens the link; WeChat's scanner comes
 * here from the detail page): the check-in is sent once, and the answer said plainly.
 */
export function CheckInPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const token = params.token ? decodeURIComponent(params.token) : ''
  const ctx = useResidentVillage()
  const villageId = idParam(params.villageId) ?? ctx.villageId
  const [done, setDone] = useState<ActivityCheckInResult | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const sent = useRef(false)
  const ready = ctx.membership !== null && villageId !== null && id !== null && token !== ''

  useEffect(() => {
    if (!ready || sent.current) return
    sent.current = true
    call(activityRoutes.checkIn, { params: { villageId, id }, body: { token } }, { toast: false })
      .then(setDone)
      .catch((e: unknown) => setError(asApiError(e)))
  }, [ready, villageId, id, token])

  const gate = residentGate(ctx, '活动签到', {
    title: '实名认证后才能签到',
    description: '村（居）委会确认您是本村（社区）的村（居）民后，就能报名、签到参加村里的活动。',
  })
  if (gate) return <PageRoot>{gate}</PageRoot>
  const toDetail = () =>
    void Taro.redirectTo({
      url: withQuery(A.ACTIVITY_PAGES.detail, { villageId: villageId ?? 0, id: id ?? 0 }),
    })
  if (id === null || token === '')
    return (
      <PageRoot>
        <EmptyView title="签到码不完整" description="请重新扫组织者手机上的二维码。" />
      </PageRoot>
    )
  if (error)
    return (
      <PageRoot className="activity">
        <EmptyView title="没有签上" description={error.message} />
        <View className="activity__actions">
          <Button size="large" block fill="outline" onClick={toDetail}>
            查看活动
          </Button>
        </View>
      </PageRoot>
    )
  if (!done)
    return (
      <PageRoot className="activity">
        <LoadingView text="正在签到…" />
      </PageRoot>
    )
  return (
    <PageRoot className="activity">
      <View className="xl-card">
        <View className="activity__title">签到成功</View>
        <View className="activity__text">
          {done.title}
          {'\n'}签到时间 {chinaTimeLabel(new Date(done.checkedInAt))}
          {done.walkIn ? '\n您没有提前报名，已按现场报名记下。' : ''}
        </View>
      </View>
      <View className="activity__actions">
        <Button type="primary" size="large" block onClick={toDetail}>
          查看活动
        </Button>
      </View>
    </PageRoot>
  )
}
