import { grievanceRoutes } from '@xiangli/shared'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { GrievanceSummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { GrievanceCard } from './GrievanceCard'
import { useKeysetList } from '@/hooks/usePagedList'
import { pageAfter } from './grievance'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { ROUTES, withQuery } from '@/routes'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import './GrievanceWallPage.scss'

/** 说事墙: the village's public issues, names masked; "+1" when one has the same problem. */
export function GrievanceWallPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const [category, setCategory] = useState<string | null>(null)
  const categories = useResource(
    ctx.villageId !== null
      ? () => call(grievanceRoutes.categories, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const list = useKeysetList<GrievanceSummary>(
    ctx.villageId !== null
      ? (after) =>
          call(
            grievanceRoutes.wall,
            { params: { villageId }, query: { ...pageAfter(after, 20), category: category ?? undefined } },
            { toast: false },
          )
      : null,
    (g) => g.id,
    [ctx.villageId, category],
  )
  const [supporting, setSupporting] = useState<number | null>(null)
  useReshow(() => void list.reload())

  const gate = residentGate(ctx, '看说事墙')
  if (gate) return <PageRoot>{gate}</PageRoot>

  async function toggle(g: GrievanceSummary) {
    setSupporting(g.id)
    try {
      const s = await call(g.supportedByMe ? grievanceRoutes.withdrawSupport : grievanceRoutes.support, {
        params: { villageId, id: g.id },
      })
      list.update((items) => items.map((i) => (i.id === g.id ? { ...i, ...s } : i)))
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSupporting(null)
    }
  }

  const body = (
    <PagedList
      list={list}
      empty={
        <EmptyView
          title={category ? `没有“${category}”方面的事` : '说事墙上还没有内容'}
          description="村民公开反映的事会显示在这里，名字会隐去一个字。"
          action={{
            text: '我要说事',
            onClick: () => void Taro.navigateTo({ url: withQuery(ROUTES.grievanceRaise, { villageId }) }),
          }}
        />
      }
    >
      {(g) => (
        <GrievanceCard
          key={g.id}
          g={g}
          onOpen={() =>
            void Taro.navigateTo({ url: withQuery(ROUTES.grievanceDetail, { id: g.id, villageId }) })
          }
        >
          <View className="xl-grievance__foot">
            <Text className="xl-muted">{g.supportCount > 0 ? `${g.supportCount} 人遇到同样的问题` : ''}</Text>
            {g.mine ? (
              <Text className="xl-muted">我提的</Text>
            ) : (
              <Button
                size="small"
                type={g.supportedByMe ? 'default' : 'primary'}
                loading={supporting === g.id}
                disabled={supporting !== null}
                onClick={() => void toggle(g)}
              >
                {g.supportedByMe ? '已 +1' : '+1 同样的问题'}
              </Button>
            )}
          </View>
        </GrievanceCard>
      )}
    </PagedList>
  )

  return (
    <PageRoot className="wall">
      {categories.data ? (
        <View className="wall__filters">
          <Chips
            scroll
            options={[
              { value: null, label: '全部' },
              ...categories.data.map((c) => ({ value: c, label: c })),
            ]}
            value={category}
            onChange={setCategory}
          />
        </View>
      ) : null}
      {body}
    </PageRoot>
  )
}
