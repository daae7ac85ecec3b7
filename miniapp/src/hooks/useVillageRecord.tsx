import type { ReactElement } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { idParam } from '@/logic/links'
import { useReshow } from './useReshow'
import { residentGate, useResidentVillage, type ResidentVillage } from './useResidentVillage'
import { useResource, type Resource } from './useResource'

type Words = { title: string; description: string }

/**
 * The record of the resident's village a detail page was opened for (`?id=`): loaded once the village
 * is known, again when the page shows again or is pulled down. Until it can be shown, `view` is what
 * the page shows instead: the verification gate, "not found" for a link without an id, or loading and
 * its failure with 重试.
 */
export function useVillageRecord<T>(
  load: (villageId: number, id: number) => Promise<T>,
  words: { feature: string; unverified: Words; missing: Words },
):
  | { view: ReactElement; ctx: ResidentVillage; villageId: number; record: null; resource: Resource<T> }
  | { view: null; ctx: ResidentVillage; villageId: number; record: T; resource: Resource<T> } {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const resource = useResource(ctx.villageId !== null && id !== null ? () => load(villageId, id) : null, [
    ctx.villageId,
    id,
  ])
  useReshow(() => void resource.reload())
  usePullDownRefresh(() => void resource.reload().finally(() => Taro.stopPullDownRefresh()))

  const gate = residentGate(ctx, words.feature, words.unverified)
  const view = gate ? (
    <PageRoot>{gate}</PageRoot>
  ) : id === null ? (
    <PageRoot>
      <EmptyView title={words.missing.title} description={words.missing.description} />
    </PageRoot>
  ) : resource.data === null ? (
    <PageRoot>
      <Pending resource={resource} />
    </PageRoot>
  ) : null
  return view !== null
    ? { view, ctx, villageId, record: null, resource }
    : { view: null, ctx, villageId, record: resource.data as T, resource }
}
