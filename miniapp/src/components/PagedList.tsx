import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { PagedList as Paged } from '@/hooks/usePagedList'
import { ErrorView, ListFooter, LoadingView } from './States'

/**
 * A list page's body: loading, the error with 重试, what shows when there is nothing, or the rows
 * (with what goes above them) and the footer that loads the next page.
 */
export function PagedList<T>({
  list,
  empty,
  title,
  head,
  children,
}: {
  list: Paged<T>
  /** shown when the list came back empty (an EmptyView) */
  empty: ReactNode
  /** the line above the rows, once there are some: 共 12 件 */
  title?: ReactNode
  /** anything else above the rows: a bulk action */
  head?: ReactNode
  /** one row; give it its key */
  children: (item: T, index: number) => ReactNode
}) {
  if (list.loading && list.items.length === 0) return <LoadingView />
  if (list.error && list.items.length === 0)
    return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  if (list.items.length === 0) return <>{empty}</>
  return (
    <>
      {title ? <View className="xl-section-title">{title}</View> : null}
      {head}
      {list.items.map(children)}
      <ListFooter
        count={list.items.length}
        loadingMore={list.loadingMore}
        hasMore={list.hasMore}
        error={list.moreError}
        onRetry={() => void list.loadMore()}
      />
    </>
  )
}
