import { Text, View } from '@tarojs/components'
import { POINTS_KIND_LABELS, POINTS_RULE_EXPLAINED, POINTS_RULE_KINDS, pointsRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import './points.scss'

/** The published rules: what each kind earns now, and the earlier versions (past entries keep theirs). */
export function PointsRulesPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const history = useResource(
    ctx.villageId !== null
      ? () => call(pointsRoutes.rulesHistory, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const gate = residentGate(ctx, '积分规则')
  if (gate) return <PageRoot>{gate}</PageRoot>
  let body
  if (history.loading && !history.data) body = <LoadingView />
  else if (!history.data) body = <ErrorView error={history.error} onRetry={() => void history.reload()} />
  else if (history.data.length === 0)
    body = <EmptyView title="还没有公布积分规则" description="两委公布后会在这里显示。" />
  else
    body = history.data.map((r, i) => (
      <View key={r.version} className="xl-card points__rules">
        <View className="xl-card__title">
          第 {r.version} 版{i === 0 ? '（现行）' : ''}
        </View>
        <View className="points__meta">
          {r.publishedOn} 由 {r.publishedByName} 公布
        </View>
        {POINTS_RULE_KINDS.map((k) => (
          <View key={k} className="points__rule">
            <View className="points__rule-head">
              <Text>{POINTS_KIND_LABELS[k]}</Text>
              <Text className="points__rule-points">{r.points[k]} 分</Text>
            </View>
            {i === 0 ? <View className="points__meta">{POINTS_RULE_EXPLAINED[k]}</View> : null}
          </View>
        ))}
      </View>
    ))
  return (
    <PageRoot className="points">
      <View className="xl-card points__note">
        积分按户记。改规则是公布新的一版，以前记的分不变；每笔积分都写明是因为什么得的。积分只看参加没参加，和怎么投票无关。
      </View>
      {body}
    </PageRoot>
  )
}
