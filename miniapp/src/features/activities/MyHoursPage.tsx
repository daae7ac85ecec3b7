import { Text, View } from '@tarojs/components'
import { activityRoutes, chinaDayLabel } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import * as A from './activity'
import { Failed } from './gates'
import './activities.scss'

/** 我的志愿时长: the total and each activity it came from. */
export function MyHoursPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const mine = useResource(
    ctx.villageId !== null
      ? () => call(activityRoutes.myHours, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  useReshow(() => void mine.reload())
  const gate = residentGate(ctx, '志愿时长')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (mine.loading && !mine.data)
    return (
      <PageRoot className="activity">
        <LoadingView />
      </PageRoot>
    )
  if (!mine.data) return <Failed error={mine.error} onRetry={() => void mine.reload()} />
  const { totalHalfHours, entries } = mine.data
  return (
    <PageRoot className="activity">
      <View className="xl-card activity__qr">
        <Text>累计志愿时长</Text>
        <Text className="activity__total">{A.hoursText(totalHalfHours)}</Text>
      </View>
      {entries.length === 0 ? (
        <EmptyView
          title="还没有志愿时长"
          description="参加村里的志愿服务活动并签到，活动结束后组织者会给您记时长。"
        />
      ) : (
        <View className="xl-card">
          {entries.map((e) => (
            <View key={`${e.activityId}-${e.recordedAt}`} className="activity__person">
              <View>
                <View className="activity__person-name">{e.title}</View>
                <View className="activity__person-state">{chinaDayLabel(new Date(e.startsAt))}</View>
              </View>
              <Text className="activity__hours">{A.hoursText(e.halfHours)}</Text>
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
