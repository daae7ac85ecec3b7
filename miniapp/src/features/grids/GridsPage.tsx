import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ScrollView, View } from '@tarojs/components'
import { Button, Cell, Input, Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css'
import { gridRoutes, rosterRoutes, type GridView } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import { useResource } from '@/hooks/useResource'
import { groupsOf, householdLine, toggle } from './grids'
import './grids.scss'

type Sheet =
  { kind: 'name'; grid: GridView | null } | { kind: 'worker' | 'households'; grid: GridView } | null

/** 网格管理: the 两委 make and rename grids, name their 网格员 and put households in, by group or by hand. */
export function GridsPage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.manageGrids
  const villageId = ctx.villageId ?? 0
  const grids = useResource(
    allowed ? () => call(gridRoutes.list, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const [sheet, setSheet] = useState<Sheet>(null)
  usePullDownRefresh(() => {
    void grids.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = committeeGate(ctx, 'manageGrids', '管理网格')
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
  const done = (title: string) => {
    setSheet(null)
    void grids.reload()
    void Taro.showToast({ title, icon: 'success' })
  }

  return (
    <PageRoot className="grids">
      <View className="xl-actions">
        <Button type="primary" size="large" block onClick={() => setSheet({ kind: 'name', grid: null })}>
          新建网格
        </Button>
      </View>
      {grids.data.length === 0 ? (
        <EmptyView title="还没有划分网格" description="点上面的“新建网格”，再把住户划进去、指定网格员。" />
      ) : null}
      {grids.data.map((g) => (
        <View key={g.id} className="xl-card grid-card">
          <View className="xl-card__title">
            {g.name}（{g.householdCount} 户）
          </View>
          <View className="grid-card__workers">
            网格员：{g.workers.length > 0 ? g.workers.map((w) => w.name).join('、') : '还没有指定'}
          </View>
          <View className="xl-actions">
            <Button size="small" onClick={() => setSheet({ kind: 'name', grid: g })}>
              改名
            </Button>
            <Button size="small" onClick={() => setSheet({ kind: 'worker', grid: g })}>
              指定网格员
            </Button>
            <Button size="small" onClick={() => setSheet({ kind: 'households', grid: g })}>
              划入住户
            </Button>
          </View>
          {g.workers.map((w) => (
            <Cell
              key={w.residentId}
              title={w.name}
              extra="不再担任"
              clickable
              onClick={() =>
                void call(gridRoutes.removeWorker, {
                  params: { villageId, id: g.id, residentId: w.residentId },
                }).then(() => done('已免去'))
              }
            />
          ))}
        </View>
      ))}
      {sheet?.kind === 'name' ? (
        <NameSheet villageId={villageId} grid={sheet.grid} onClose={() => setSheet(null)} onDone={done} />
      ) : null}
      {sheet?.kind === 'worker' ? (
        <WorkerSheet villageId={villageId} grid={sheet.grid} onClose={() => setSheet(null)} onDone={done} />
      ) : null}
      {sheet?.kind === 'households' ? (
        <HouseholdSheet
          villageId={villageId}
          grid={sheet.grid}
          onClose={() => setSheet(null)}
          onDone={done}
        />
      ) : null}
    </PageRoot>
  )
}

interface SheetProps<G> {
  villageId: number
  grid: G
  onClose: () => void
  onDone: (title: string) => void
}

function NameSheet({ villageId, grid, onClose, onDone }: SheetProps<GridView | null>) {
  const [name, setName] = useState(grid?.name ?? '')
  const save = async () => {
    try {
      if (grid) await call(gridRoutes.rename, { params: { villageId, id: grid.id }, body: { name } })
      else await call(gridRoutes.create, { params: { villageId }, body: { name } })
      onDone(grid ? '已改名' : '已新建')
    } catch {
      // the request layer has said what went wrong
    }
  }
  return (
    <Popup visible position="bottom" round title={grid ? '网格改名' : '新建网格'} closeable onClose={onClose}>
      <View className="xl-card">
        <Input value={name} placeholder="例如：东片网格" maxLength={20} onChange={setName} />
        <View className="xl-actions">
          <Button type="primary" size="large" block onClick={() => void save()}>
            保存
          </Button>
        </View>
      </View>
    </Popup>
  )
}

function WorkerSheet({ villageId, grid, onClose, onDone }: SheetProps<GridView>) {
  const [q, setQ] = useState('')
  const people = useResource(
    () =>
      call(
        rosterRoutes.residents,
        { params: { villageId }, query: { q: q || undefined, page: 1, pageSize: 50 } },
        { toast: false },
      ),
    [villageId, q],
  )
  const pick = (residentId: number) =>
    void call(gridRoutes.addWorker, { params: { villageId, id: grid.id }, body: { residentId } })
      .then(() => onDone('已指定'))
      .catch(() => undefined)
  return (
    <Popup visible position="bottom" round title={`${grid.name}的网格员`} closeable onClose={onClose}>
      <View className="xl-card">
        <Input value={q} placeholder="按姓名查找" onChange={setQ} />
      </View>
      <ScrollView scrollY className="grids__sheet">
        {(people.data?.items ?? []).map((p) => (
          <Cell
            key={p.id}
            title={p.name}
            description={`户号 ${p.householdCode}`}
            clickable
            onClick={() => pick(p.id)}
          />
        ))}
      </ScrollView>
    </Popup>
  )
}

function HouseholdSheet({ villageId, grid, onClose, onDone }: SheetProps<GridView>) {
  const households = useResource(
    () => call(gridRoutes.households, { params: { villageId } }, { toast: false }),
    [villageId],
  )
  const [picked, setPicked] = useState<number[]>([])
  const [groups, setGroups] = useState<number[]>([])
  const save = async () => {
    try {
      const r = await call(gridRoutes.putHouseholds, {
        params: { villageId, id: grid.id },
        body: { householdIds: picked, groupIds: groups },
      })
      onDone(`划入 ${r.added} 户`)
    } catch {
      // the request layer has said what went wrong
    }
  }
  const list = households.data ?? []
  return (
    <Popup visible position="bottom" round title={`划入${grid.name}`} closeable onClose={onClose}>
      <ScrollView scrollY className="grids__sheet">
        <View className="xl-card">
          <View className="xl-card__text">按村民小组整组划入：</View>
          <View className="grid-pick">
            {groupsOf(list).map((g) => (
              <View
                key={g.value}
                className={`xl-chip${groups.includes(g.value) ? ' xl-chip--on' : ''}`}
                onClick={() => setGroups((ids) => toggle(ids, g.value))}
              >
                {g.label}
              </View>
            ))}
          </View>
          <View className="xl-card__text">或逐户挑选（已在别的网格的户会移过来）：</View>
          {list.map((h) => (
            <Cell
              key={h.id}
              title={householdLine(h)}
              description={h.gridName ?? '未划入网格'}
              extra={picked.includes(h.id) ? '已选' : ''}
              clickable
              onClick={() => setPicked((ids) => toggle(ids, h.id))}
            />
          ))}
        </View>
      </ScrollView>
      <View className="xl-actions">
        <Button type="primary" size="large" block onClick={() => void save()}>
          划入
        </Button>
      </View>
    </Popup>
  )
}
