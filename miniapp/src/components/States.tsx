import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { ApiError } from '@/api/core'
import './States.scss'

export function LoadingView({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="xl-state">
      <View className="xl-spinner" />
      <Text className="xl-state__text">{text}</Text>
    </View>
  )
}

export function EmptyView({
  title,
  description,
  action,
}: {
  title: string
  description?: ReactNode
  action?: { text: string; onClick: () => void }
}) {
  return (
    <View className="xl-state">
      <Text className="xl-state__title">{title}</Text>
      {description ? <View className="xl-state__text">{description}</View> : null}
      {action ? (
        <Button className="xl-state__action" type="primary" onClick={action.onClick}>
          {action.text}
        </Button>
      ) : null}
    </View>
  )
}

export function ErrorView({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  return (
    <View className="xl-state">
      <Text className="xl-state__title">没有加载出来</Text>
      <View className="xl-state__text">{error?.message ?? '出了点问题，请稍后再试'}</View>
      <Button className="xl-state__action" type="primary" onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

/** Under a list: loading the next page, a failed page with 重试, or the end. */
export function ListFooter({
  count,
  loadingMore,
  hasMore,
  error,
  onRetry,
}: {
  count: number
  loadingMore: boolean
  hasMore: boolean
  error: ApiError | null
  onRetry: () => void
}) {
  if (error)
    return (
      <View className="xl-list-footer xl-list-footer--error xl-tap xl-tap--line" onClick={onRetry}>
        {error.message}，点这里重试
      </View>
    )
  if (loadingMore) return <View className="xl-list-footer">正在加载更多…</View>
  if (hasMore) return <View className="xl-list-footer">往上滑，加载更多</View>
  if (count > 0) return <View className="xl-list-footer">没有更多了</View>
  return null
}

/** What stands in for a resource not loaded yet: loading, or why it failed with 重试. */
export function Pending({
  resource,
}: {
  resource: { loading: boolean; error: ApiError | null; reload: () => Promise<void> }
}) {
  if (resource.loading) return <LoadingView />
  return <ErrorView error={resource.error} onRetry={() => void resource.reload()} />
}
