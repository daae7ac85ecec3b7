import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { activityRoutes, type ActivitySummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { StateTag } from '@/components/StateTag'
import { EmptyView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { withQuery } from '@/routes'
import * as A from './activity'
import { Failed, organiserGate } from './gates'
import './activities.scss'

const TABS = [
  { value: 'upcoming', label: '将要举行' },
  { value: 'past', label: '已举行' },
] as const

/** The village's activities, upcoming and past; the committee's list opens the manage page and drafts. */
export function ActivityListPage({ committee = false }: { committee?: boolean }) {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [tab, setTab] = useState<'upcoming' | 'past'>('upcoming')
  const list = useResource(
    ctx.villageId !== null
      ? () => call(activityRoutes.list, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  useReshow(() => void list.reload())
  const gate = committee
    ? organiserGate(ctx, '活动管理')
    : residentGate(ctx, '活动', {
        title: '实名认证后才能报名活动',
        description: '村（居）委会确认您是本村（社区）的村（居）民后，就能报名参加村里的活动和志愿服务。',
      })
  if (gate) return <PageRoot>{gate}</PageRoot>
  const go = (url: string) => void Taro.navigateTo({ url })
  const open = (a: ActivitySummary) =>
    go(withQuery(committee ? A.ACTIVITY_PAGES.manage : A.ACTIVITY_PAGES.detail, { id: a.id, villageId }))

  let body
  if (list.loading && !list.data) body = <LoadingView />
  else if (list.error && !list.data) body = <Failed error={list.error} onRetry={() => void list.reload()} />
  else {
    const shown = A.splitByTime(list.data ?? [])[tab]
    body =
      shown.length === 0 ? (
        <EmptyView
          title={tab === 'upcoming' ? '近期没有活动' : '还没有举行过的活动'}
          description={committee ? '发布活动后，村民可以在这里报名。' : '村里发布活动后会在这里显示。'}
        />
      ) : (
        shown.map((a) => (
          <View key={a.id} className="xl-card activity__row xl-tap" onClick={() => open(a)}>
            <View className="activity__row-head">
              <Text className="activity__title">{a.title}</Text>
              <StateTag tone={A.ACTIVITY_STATE_TONE[a.state]} label={A.activityStateLabel(a.state)} />
            </View>
            <View className="activity__meta">
              <Text>时间：{A.timeSpan(a.startsAt, a.endsAt)}</Text>
              <Text>地点：{a.place}</Text>
              <Text>
                {A.placesText(a)}
                {a.volunteering ? ` · 志愿服务 ${A.hoursText(a.plannedHalfHours)}` : ''}
              </Text>
              {a.checkedInByMe ? <Text>我已签到</Text> : a.signedUpByMe ? <Text>我已报名</Text> : null}
            </View>
          </View>
        ))
      )
  }

  return (
    <PageRoot className="activity">
      <View className="activity__actions">
        {committee ? (
          <>
            <Button
              type="primary"
              size="large"
              block
              onClick={() => go(withQuery(A.ACTIVITY_PAGES.compose, { villageId }))}
            >
              发布活动
            </Button>
            <Button
              size="large"
              block
              fill="outline"
              onClick={() => go(withQuery(A.ACTIVITY_PAGES.villageHours, { villageId }))}
            >
              志愿时长统计
            </Button>
          </>
        ) : (
          <Button
            size="large"
            block
            fill="outline"
            onClick={() => go(withQuery(A.ACTIVITY_PAGES.myHours, { villageId }))}
          >
            我的志愿时长
          </Button>
        )}
      </View>
      <Chips options={TABS} value={tab} onChange={setTab} />
      {body}
    </PageRoot>
  )
}
