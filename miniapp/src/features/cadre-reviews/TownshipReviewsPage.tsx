import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { cadreReviewRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, Pending } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { townshipGate, useTownship } from '@/features/township/useTownship'
import './cadreReview.scss'

/** 民主评议 for the township: each village's reviews, and the posts ended by two 不称职 in a row. */
export function TownshipReviewsPage() {
  const ctx = useTownship()
  const townshipId = ctx.townshipId ?? 0
  const rows = useResource(
    ctx.townshipId !== null
      ? () => call(cadreReviewRoutes.township, { params: { townshipId } }, { toast: false })
      : null,
    [ctx.townshipId],
  )
  usePullDownRefresh(() => void rows.reload().finally(() => Taro.stopPullDownRefresh()))
  const gate = townshipGate(ctx, '查看各村民主评议')
  if (gate) return <PageRoot>{gate}</PageRoot>
  let body
  if (!rows.data) body = <Pending resource={rows} />
  else if (rows.data.length === 0)
    body = (
      <EmptyView title="各村还没有民主评议" description="村务监督委员会主持的评议开始后，会在这里列出。" />
    )
  else
    body = rows.data.map((r) => (
      <View key={r.reviewId} className="xl-card township-review">
        <Text className="review__title">{`${r.villageName} · ${r.year} 年度`}</Text>
        <View className="review__meta">
          <Text>{r.statusLabel}</Text>
          <Text>{`不称职 ${r.incompetent} 人`}</Text>
        </View>
        {r.postsEnded.map((p) => (
          <View
            key={p.name}
            className="review__ended"
          >{`${p.name}（${p.postLabel}）连续两次不称职，职务终止`}</View>
        ))}
      </View>
    ))
  return (
    <PageRoot>
      <View className="xl-section-title">{ctx.townshipName} · 各村民主评议</View>
      {body}
    </PageRoot>
  )
}
