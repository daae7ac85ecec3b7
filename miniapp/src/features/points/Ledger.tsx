import { Text, View } from '@tarojs/components'
import type { PointsEntryView } from '@xiangli/shared'
import { EmptyView } from '@/components/States'
import { entryDay, entryHeadline, signed } from './points'

/** A household's entries, newest first: what earned each, its points, the rules version, who recorded it. */
export function Ledger({ entries, empty }: { entries: PointsEntryView[]; empty: string }) {
  if (entries.length === 0) return <EmptyView title="还没有记录" description={empty} />
  return (
    <View className="xl-card points__ledger">
      <View className="xl-card__title">积分记录</View>
      {entries.map((e) => (
        <View key={e.id} className="points__entry">
          <View className="points__entry-main">
            <Text className="points__entry-kind">{entryHeadline(e)}</Text>
            <Text className="points__entry-source">{e.sourceLabel}</Text>
            <Text className="points__entry-meta">
              {entryDay(e.earnedAt)} · {e.recordedByName === '系统' ? '系统自动记' : `${e.recordedByName} 记`}
              {e.rulesVersion !== null ? ` · 第 ${e.rulesVersion} 版规则` : ''}
            </Text>
          </View>
          <Text className={`points__entry-points${e.points < 0 ? ' points__entry-points--minus' : ''}`}>
            {signed(e.points)}
          </Text>
        </View>
      ))}
    </View>
  )
}
