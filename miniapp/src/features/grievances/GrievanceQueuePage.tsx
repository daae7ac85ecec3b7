import { grievanceRoutes, roleRoutes } from '@xiangli/shared'
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css'
import type { GrievanceState, GrievanceSummary } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView } from '@/components/States'
import { PagedList } from '@/components/PagedList'
import { GrievanceCard } from './GrievanceCard'
import { useKeysetList } from '@/hooks/usePagedList'
import { useResource } from '@/hooks/useResource'
import { useReshow } from '@/hooks/useReshow'
import {
  NO_FILTERS,
  STATUS_FILTERS,
  bulkAcceptSummary,
  canAccept,
  committeeMembers,
  filtersFromLink,
  hasFilters,
  queueQuery,
  type AssigneeFilter,
  type QueueFilters,
} from './grievance'
import { ROUTES, withQuery } from '@/routes'
import { committeeGate, useCommitteeVillage } from '@/features/committee/useCommitteeVillage'
import './GrievanceQueuePage.scss'

const PAGE_SIZE = 20

/** 说事处理: every issue of the village, newest first, with filters, overdue flags and bulk accept. */
export function GrievanceQueuePage() {
  const ctx = useCommitteeVillage()
  const allowed = ctx.villageId !== null && ctx.bench.handleGrievances
  const villageId = ctx.villageId ?? 0
  const { params } = useRouter()
  // the home page's counts open the queue filtered to the items they count
  const [filters, setFilters] = useState<QueueFilters>(() => filtersFromLink(params))
  const [more, setMore] = useState(false)
  const settings = useResource(
    allowed ? () => call(grievanceRoutes.settings, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const holders = useResource(
    allowed ? () => call(roleRoutes.list, { params: { villageId } }, { toast: false }) : null,
    [allowed, villageId],
  )
  const list = useKeysetList<GrievanceSummary>(
    allowed
      ? (after) =>
          call(
            grievanceRoutes.queue,
            { params: { villageId }, query: queueQuery(filters, after, PAGE_SIZE) },
            { toast: false },
          )
      : null,
    (g) => g.id,
    [allowed, villageId, JSON.stringify(filters)],
  )
  const [selecting, setSelecting] = useState(false)
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [accepting, setAccepting] = useState(false)
  // back from an item: it may have been accepted or answered there
  useReshow(() => void list.reload())

  const gate = committeeGate(ctx, 'handleGrievances', '处理村民说事')
  if (gate) return <PageRoot>{gate}</PageRoot>

  const set = (change: Partial<QueueFilters>) => {
    setFilters((f) => ({ ...f, ...change }))
    setSelected(new Set())
  }
  const members = committeeMembers(holders.data ?? [])
  const acceptable = list.items.filter((g) => canAccept(g.state))

  function toggle(id: number, on: boolean) {
    setSelected((s) => {
      const next = new Set(s)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  }

  async function acceptSelected() {
    const ids = [...selected]
    if (ids.length === 0) return
    const { confirm } = await Taro.showModal({
      title: '批量受理',
      content: `受理选中的 ${ids.length} 件？受理后要在规定时间内答复。`,
      confirmText: '受理',
    })
    if (!confirm) return
    setAccepting(true)
    try {
      const result = await call(grievanceRoutes.bulkAccept, { params: { villageId }, body: { ids } })
      setSelected(new Set())
      setSelecting(false)
      void Taro.showModal({
        title: '受理结果',
        content: bulkAcceptSummary(result),
        showCancel: false,
        confirmText: '知道了',
      })
      void list.reload()
    } catch {
      // the request layer has said what went wrong
    } finally {
      setAccepting(false)
    }
  }

  const body = (
    <PagedList
      list={list}
      empty={
        hasFilters(filters) ? (
          <EmptyView title="没有符合条件的事" action={{ text: '清除筛选', onClick: () => set(NO_FILTERS) }} />
        ) : (
          <EmptyView
            title="还没有村民说事"
            description="村民反映的问题和建议会出现在这里，请及时受理和答复。"
          />
        )
      }
      head={
        <View className="queue__bar">
          <Text className="xl-muted">共 {list.total} 件</Text>
          {acceptable.length > 0 || selecting ? (
            <Button
              size="small"
              onClick={() => {
                setSelecting((s) => !s)
                setSelected(new Set())
              }}
            >
              {selecting ? '取消批量' : '批量受理'}
            </Button>
          ) : null}
        </View>
      }
    >
      {(g) => (
        <GrievanceCard
          key={g.id}
          g={g}
          onOpen={() =>
            void Taro.navigateTo({ url: withQuery(ROUTES.committeeGrievance, { id: g.id, villageId }) })
          }
        >
          {selecting && canAccept(g.state) ? (
            <View className="xl-grievance__foot">
              <Checkbox checked={selected.has(g.id)} onChange={(on) => toggle(g.id, on)}>
                选中受理
              </Checkbox>
            </View>
          ) : null}
        </GrievanceCard>
      )}
    </PagedList>
  )

  const assigneeOptions: { value: AssigneeFilter | null; label: string }[] = [
    { value: null, label: '全部办理人' },
    { value: 'me', label: '交给我的' },
    { value: 'none', label: '还没交办' },
    ...members.map((m) => ({ value: m.residentId, label: m.name })),
  ]

  return (
    <PageRoot className={`queue${selecting ? ' queue--selecting' : ''}`}>
      <View className="queue__filters">
        <Chips
          scroll
          options={STATUS_FILTERS}
          value={filters.status}
          onChange={(status: GrievanceState | null) => set({ status })}
        />
        <Chips
          scroll
          options={[
            { value: 'all', label: '全部期限' },
            { value: 'overdue', label: '⚠ 只看超时' },
            { value: 'toAnswer', label: '待答复' },
          ]}
          value={filters.overdue ? 'overdue' : filters.toAnswer ? 'toAnswer' : 'all'}
          onChange={(v) => set({ overdue: v === 'overdue', toAnswer: v === 'toAnswer' })}
        />
        {more ? (
          <>
            <Chips
              scroll
              options={[
                { value: null, label: '全部分类' },
                ...(settings.data?.categories ?? []).map((c) => ({ value: c, label: c })),
              ]}
              value={filters.category}
              onChange={(category: string | null) => set({ category })}
            />
            <Chips
              scroll
              options={assigneeOptions}
              value={filters.assignee}
              onChange={(assignee) => set({ assignee })}
            />
          </>
        ) : null}
        <View className="queue__more xl-tap xl-tap--line" onClick={() => setMore((m) => !m)}>
          {more ? '收起' : '按分类、办理人筛选'}
        </View>
      </View>
      {body}
      {selecting ? (
        <View className="queue__bulk">
          <Button
            type="primary"
            size="large"
            block
            disabled={selected.size === 0 || accepting}
            loading={accepting}
            onClick={() => void acceptSelected()}
          >
            {selected.size > 0 ? `受理选中的 ${selected.size} 件` : '请勾选要受理的事'}
          </Button>
        </View>
      ) : null}
    </PageRoot>
  )
}
