import { Text, View } from '@tarojs/components'
import { activityRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, LoadingView } from '@/components/States'
import { useReshow } from '@/hooks/useReshow'
import { useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import * as A from './activity'
import { Failed, organiserGate } from './gates'
import './activities.scss'

/** The committee's list: every volunteer of the village with their total hours. */
export function VillageHoursPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const all = useResource(
    ctx.villageId !== null
      ? () => call(activityRoutes.villageHours, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  useReshow(() => void all.reload())
  const gate = organiserGate(ctx, '志愿时长统计')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (all.loading && !all.data)
    return (
      <PageRoot className="activity">
        <LoadingView />
      </PageRoot>
    )
  if (!all.data) return <Failed error={all.error} onRetry={() => void all.reload()} />
  const { totalHalfHours, people } = all.data
  return (
    <PageRoot className="activity">
      <View className="xl-card activity__qr">
        <Text>全村累计志愿时长（{people.length} 人）</Text>
        <Text className="activity__total">{A.hoursText(totalHalfHours)}</Text>
      </View>
      {people.length === 0 ? (
        <EmptyView title="还没有志愿时长" description="志愿服务活动结束后，给签到的人记时长，这里就有了。" />
      ) : (
        <View className="xl-card">
          {people.map((p) => (
            <View key={p.residentId} className="activity__person">
              <View>
                <View className="activity__person-name">{p.name}</View>
                <View className="activity__person-state">参加 {p.activities} 次</View>
              </View>
              <Text className="activity__hours">{A.hoursText(p.totalHalfHours)}</Text>
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
