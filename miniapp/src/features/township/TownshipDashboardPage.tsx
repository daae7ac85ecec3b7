import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { homeRoutes, type TownshipDashboard } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { BarChart } from './BarChart'
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
  const c = dashboardCharts(d)
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
      <BarChart title={`各村出具的证明（${d.years[0]}–${d.years.at(-1)} 年）`} bars={c.certificates} />
      <View className="xl-card">
        <View className="bar-chart__title">按事项</View>
        {c.items.length === 0 ? <View className="xl-muted">这三年没有出具证明</View> : null}
        {c.items.map((i) => (
          <View key={i.item} className="xl-card__text">
            {`${i.item}：${i.cells.map((n, k) => `${d.years[k]} 年 ${n} 份`).join('，')}`}
          </View>
        ))}
      </View>
    </>
  )
}
