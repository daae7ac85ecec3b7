import { Text, View } from '@tarojs/components'
import type { QuorumDisplay } from './meetingVote'
import './deliberation.scss'

/** 已到 / 需要, a bar, and whether the meeting may vote. */
export function QuorumBar({ q, live }: { q: QuorumDisplay; live: boolean }) {
  return (
    <View className={`xl-delib-quorum${q.met ? ' xl-delib-quorum--met' : ''}`}>
      <View className="xl-delib-quorum__head">
        <Text className="xl-delib-quorum__headline">{q.headline}</Text>
        {live ? <Text className="xl-muted">每 5 秒更新</Text> : null}
      </View>
      <View className="xl-delib-quorum__bar">
        <View className="xl-delib-quorum__fill" style={{ width: `${q.percent}%` }} />
      </View>
      <View className="xl-delib-quorum__verdict">{q.verdict}</View>
      {q.lines.map((l) => (
        <View key={l} className="xl-muted">
          {l}
        </View>
      ))}
    </View>
  )
}
