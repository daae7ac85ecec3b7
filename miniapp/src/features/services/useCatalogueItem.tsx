import type { ReactElement } from 'react'
import { convenienceServiceRoutes, type ServiceItem } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { SERVICE_UNVERIFIED } from './unverified'

/**
 * One service of the village's catalogue by its code, for the pages about it: the item, or the page
 * to show instead (not verified, loading, the list failed, no such service any more).
 */
export function useCatalogueItem(
  code: string | undefined,
):
  | { villageId: number; item: ServiceItem; page: null }
  | { villageId: number; item: null; page: ReactElement } {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const catalogue = useResource(
    ctx.villageId !== null
      ? () => call(convenienceServiceRoutes.catalogue, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const instead = (body: ReactElement) => ({ villageId, item: null, page: <PageRoot>{body}</PageRoot> })
  const gate = residentGate(ctx, '办事', SERVICE_UNVERIFIED)
  if (gate) return instead(gate)
  if (catalogue.loading && !catalogue.data) return instead(<LoadingView />)
  if (!catalogue.data)
    return instead(<ErrorView error={catalogue.error} onRetry={() => void catalogue.reload()} />)
  const item = catalogue.data.find((i) => i.code === code)
  if (!item)
    return instead(<EmptyView title="没有这项服务" description="可能已经停办了，请回到办事清单重新选择。" />)
  return { villageId, item, page: null }
}
