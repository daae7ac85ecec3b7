import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { beijingDate, noticeRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { ROUTES, withQuery } from '@/routes'
import { forQuery, objectableNotices, type ProxyFor } from './proxy'

/**
 * 代办 an objection: the notices still in their publicity period, one tap opening the objection form
 * filled for the resident.
 */
export function ProxyNoticePicker({ villageId, person }: { villageId: number; person: ProxyFor }) {
  const feed = useResource(
    () => call(noticeRoutes.feed, { params: { villageId }, query: { pageSize: 50 } }, { toast: false }),
    [villageId],
  )
  if (feed.loading && !feed.data) return <LoadingView />
  if (feed.error || !feed.data) return <ErrorView error={feed.error} onRetry={() => void feed.reload()} />
  const open = objectableNotices(feed.data.items, beijingDate(new Date()))
  if (open.length === 0)
    return <EmptyView title="没有正在公示的公告" description="异议要在公告的公示期内提出。" />
  return (
    <View className="proxy__notices">
      <View className="xl-muted">选要提异议的公告（正在公示的）：</View>
      {open.map((n) => (
        <View
          key={n.id}
          className="xl-card xl-tap proxy__notice"
          onClick={() =>
            void Taro.navigateTo({
              url: withQuery(ROUTES.noticeObject, { id: n.id, villageId, ...forQuery(person) }),
            })
          }
        >
          <Text className="proxy__name">{n.title}</Text>
          <View className="xl-muted">
            公示期 {n.periodStart} 至 {n.periodEnd}
          </View>
        </View>
      ))}
    </View>
  )
}
