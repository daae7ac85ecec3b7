import { ModerationNote } from '@/features/content-check/ModerationNote'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { OpinionView } from '@xiangli/shared'
import { PageRoot } from '@/components/PageRoot'
import { PhotoGrid } from '@/components/Photos'
import { EmptyView, ErrorView, ListFooter, LoadingView } from '@/components/States'
import { usePagedList } from '@/hooks/usePagedList'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { formatTime } from '@/logic/format'
import { idParam } from '@/logic/links'
import './deliberation.scss'
import { call } from '@/api/request'
import { deliberationRoutes } from '@xiangli/shared'

const PAGE_SIZE = 20

/**
 * 一征's opinions, newest first: all of them for the 两委, the supervisors and the township (who sum
 * them up and check the summary), one's own for a resident. The server decides which.
 */
export function OpinionsPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId
  const list = usePagedList<OpinionView>(
    villageId !== null && id !== null
      ? (page) =>
          call(
            deliberationRoutes.opinions,
            { params: { villageId, id }, query: { page, pageSize: PAGE_SIZE } },
            { toast: false },
          )
      : null,
    (o) => o.id,
    [villageId, id],
  )
  useReshow(() => void list.reload())

  const gate = residentGate(ctx, '居民意见')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (id === null)
    return (
      <PageRoot>
        <EmptyView title="没有找到这项议事" description="链接不完整，请从“村里议事”里打开。" />
      </PageRoot>
    )
  if (list.loading && list.items.length === 0) return <PageRoot>{<LoadingView />}</PageRoot>
  if (list.error && list.items.length === 0)
    return (
      <PageRoot>
        <ErrorView error={list.error} onRetry={() => void list.reload()} />
      </PageRoot>
    )
  if (list.items.length === 0)
    return (
      <PageRoot>
        <EmptyView title="还没有意见" description="居民提的意见会显示在这里。" />
      </PageRoot>
    )

  return (
    <PageRoot>
      <View className="xl-muted xl-delib-opinions__count">共 {list.total} 条意见</View>
      {list.items.map((o) => (
        <View key={o.id} className="xl-card xl-delib-opinion-card">
          <View className="xl-delib-opinion-card__head">
            <Text className="xl-delib-opinion-card__name">
              {o.name}
              {o.isMine ? '（我）' : ''}
            </Text>
            <Text className="xl-muted">{formatTime(o.createdAt)}</Text>
          </View>
          <ModerationNote m={o.moderation} />
          <View className="xl-delib-content">{o.text}</View>
          <PhotoGrid urls={o.photos.map((p) => p.url)} />
        </View>
      ))}
      <ListFooter
        count={list.items.length}
        loadingMore={list.loadingMore}
        hasMore={list.hasMore}
        error={list.moreError}
        onRetry={() => void list.loadMore()}
      />
    </PageRoot>
  )
}
