import type { ReactNode } from 'react'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import type { Resource } from '@/hooks/useResource'

/** A list's three other states, said the same way on every 办事 page: loading, failed with 重试, empty. */
export function Loaded<T>({
  resource,
  empty,
  children,
}: {
  resource: Resource<T[]>
  empty: { title: string; description: string }
  children: (items: T[]) => ReactNode
}) {
  if (resource.loading && !resource.data) return <LoadingView />
  if (resource.error && !resource.data)
    return <ErrorView error={resource.error} onRetry={() => void resource.reload()} />
  if (!resource.data || resource.data.length === 0)
    return <EmptyView title={empty.title} description={empty.description} />
  return <>{children(resource.data)}</>
}
