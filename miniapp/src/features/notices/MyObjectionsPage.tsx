import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { noticeRoutes, type ObjectionView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { ObjectionCard } from './ObjectionCard'
import { ObjectorControls } from './ObjectorControls'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { ROUTES, withQuery } from '@/routes'

/** The newest objections shown; a resident raises a handful a year. */
const PAGE_SIZE = 100

/** The person's objections in this village, newest first. */
async function loadMine(villageId: number): Promise<ObjectionView[]> {
  const page = await call(
    noticeRoutes.myObjections,
    { params: { villageId }, query: { page: 1, pageSize: PAGE_SIZE } },
    { toast: false },
  )
  return page.items
}

export function MyObjectionsPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId
  const list = useResource(villageId !== null ? () => loadMine(villageId) : null, [villageId])
  useReshow(() => void list.reload())
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = residentGate(ctx, '查看异议')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!list.data)
    return (
      <PageRoot>
        <Pending resource={list} />
      </PageRoot>
    )
  if (list.data.length === 0)
    return (
      <PageRoot>
        <EmptyView
          title="您还没有提过异议"
          description="对公示的内容有意见，可以在公示期内打开那条公开，点“提出异议”。"
        />
      </PageRoot>
    )
  return (
    <PageRoot>
      {list.data.map((o) => (
        <ObjectionCard
          key={o.id}
          o={o}
          showNotice
          onOpenNotice={() =>
            void Taro.navigateTo({
              url: withQuery(ROUTES.noticeDetail, { id: o.noticeId, villageId: o.villageId }),
            })
          }
        >
          <ObjectorControls
            o={o}
            onChange={(next) => list.setData((l) => (l ?? []).map((x) => (x.id === next.id ? next : x)))}
          />
        </ObjectionCard>
      ))}
    </PageRoot>
  )
}
