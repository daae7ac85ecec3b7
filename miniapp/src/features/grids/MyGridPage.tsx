import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { gridRoutes, grievanceRoutes, type GrievanceSummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { PagedList } from '@/components/PagedList'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { GrievanceCard } from '@/features/grievances/GrievanceCard'
import { pageAfter } from '@/features/grievances/grievance'
import { useKeysetList } from '@/hooks/usePagedList'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import { ROUTES, withQuery } from '@/routes'
import { HouseholdCards } from './HouseholdCards'
import './grids.scss'

type Tab = 'households' | 'issues'

/** 我的网格: the households of the 网格员's grid with their people, and the issues of its residents. */
export function MyGridPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.myGrid
  const villageId = ctx.villageId ?? 0
  const grids = useResource(
    allowed ? () => call(gridRoutes.mine, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const [chosen, setChosen] = useState<number | null>(null)
  const gridId = chosen ?? grids.data?.[0]?.id ?? null
  const detail = useResource(
    gridId !== null
      ? () => call(gridRoutes.detail, { params: { villageId, id: gridId } }, { toast: false })
      : null,
    [villageId, gridId],
  )
  const [tab, setTab] = useState<Tab>('households')
  const issues = useKeysetList<GrievanceSummary>(
    gridId !== null
      ? (after) =>
          call(
            grievanceRoutes.grid,
            { params: { villageId, gridId }, query: pageAfter(after, 20) },
            { toast: false },
          )
      : null,
    (g) => g.id,
    [villageId, gridId],
  )
  useReshow(() => void issues.reload())
  usePullDownRefresh(() => {
    void Promise.all([grids.reload(), detail.reload(), issues.reload()]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = committeeGate(ctx, 'myGrid', '查看我的网格')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!grids.data)
    return (
      <PageRoot>
        {grids.error ? (
          <ErrorView error={grids.error} onRetry={() => void grids.reload()} />
        ) : (
          <LoadingView />
        )}
      </PageRoot>
    )
  if (grids.data.length === 0 || gridId === null)
    return (
      <PageRoot>
        <EmptyView
          title="您还没有负责的网格"
          description="村（居）委会把网格交给您后，这里会列出网格里的住户。"
        />
      </PageRoot>
    )

  const collect = () => void Taro.navigateTo({ url: withQuery(ROUTES.gridCollect, { villageId, gridId }) })
  const open = (g: GrievanceSummary) =>
    void Taro.navigateTo({ url: withQuery(ROUTES.grievanceDetail, { id: g.id, villageId }) })

  return (
    <PageRoot className="my-grid">
      {grids.data.length > 1 ? (
        <Chips
          scroll
          options={grids.data.map((g) => ({ value: g.id, label: g.name }))}
          value={gridId}
          onChange={(v) => setChosen(v)}
        />
      ) : null}
      <View className="xl-card">
        <View className="xl-card__title">{grids.data.find((g) => g.id === gridId)?.name}</View>
        <View className="xl-card__text">
          共 {grids.data.find((g) => g.id === gridId)?.householdCount ?? 0}{' '}
          户。走访中听到的事，可以替住户报给村里。
        </View>
        <View className="xl-actions">
          <Button type="primary" size="large" block onClick={collect}>
            民情收集
          </Button>
        </View>
      </View>
      <Chips
        options={[
          { value: 'households', label: '住户' },
          { value: 'issues', label: '网格里的事' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'households' ? (
        <HouseholdCards
          households={detail.data?.households ?? null}
          error={detail.error}
          onRetry={() => void detail.reload()}
          empty={<EmptyView title="网格里还没有住户" description="请村（居）委会把住户划入这个网格。" />}
        />
      ) : (
        <PagedList
          list={issues}
          empty={
            <EmptyView title="网格里还没有人反映过事" description="住户说的事、您收集的民情都会列在这里。" />
          }
          title={`共 ${issues.total} 件`}
        >
          {(g) => <GrievanceCard key={g.id} g={g} onOpen={() => open(g)} />}
        </PagedList>
      )}
    </PageRoot>
  )
}
