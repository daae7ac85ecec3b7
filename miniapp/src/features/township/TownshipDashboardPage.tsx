import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { homeRoutes, type TownshipDashboard } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { BarChart, YearsChart } from './BarChart'
import { dashboardCharts } from './dashboard'
import { townshipGate, useTownship } from './useTownship'

/** 乡镇看板: every village on one screen, what is late or waiting drawn in red. */
export function TownshipDashboardPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const board = useResource(
    ctx.townshipId !== null
      ? () => call(homeRoutes.townshipDashboard, { params: { townshipId } }, { toast: false })
      : null,
    [ctx.townshipId],
  )
  usePullDownRefresh(() => {
    void board.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const gate = townshipGate(ctx, '查看乡镇看板')
  if (gate) return <PageRoot>{gate}</PageRoot>
  let body
  if (board.data) body = <Charts d={board.data} />
  else if (board.error) body = <ErrorView error={board.error} onRetry={() => void board.reload()} />
  else body = <LoadingView />
  return (
    <PageRoot className="township-dashboard">
      <View className="xl-section-title">{ctx.townshipName} · 各村情况</View>
      {body}
    </PageRoot>
  )
}

function Charts({ d }: { d: TownshipDashboard }) {
  // one set of options per answer, so a chart redraws only when the figures change
  const c = useMemo(() => dashboardCharts(d), [d])
  return (
    <>
      {c.ignored > 0 ? (
        <View className="xl-card">
          <Text className="home__unread">{`${c.ignored} 件联名提议达到人数超过 ${d.conveneDays} 天仍未召集会议`}</Text>
        </View>
      ) : null}
      <BarChart title="超时未办的村民说事" bars={c.overdue} />
      <BarChart title="答复满意度（满分 5 分）" bars={c.satisfaction} max={5} />
      <BarChart title="近 90 天公开的公告（至少每季度一次）" bars={c.publication} />
      <BarChart title={`待办的议事和联名提议（超过 ${d.conveneDays} 天未召集为超期）`} bars={c.waiting} />
      <BarChart title="超时未答复的异议" bars={c.objections} />
      <YearsChart
        title={`各村出具的证明（${d.years[0]}–${d.years.at(-1)} 年）`}
        categories={c.certificates.categories}
        years={d.years}
        cells={c.certificates.cells}
        unit="份"
        empty="暂无村"
      />
      <YearsChart
        title="按事项出具的证明"
        categories={c.items.categories}
        years={d.years}
        cells={c.items.cells}
        unit="份"
        empty="这三年没有出具证明"
      />
    </>
  )
}
