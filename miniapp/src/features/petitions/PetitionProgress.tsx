import { View } from '@tarojs/components'
import type { PetitionView } from '@xiangli/shared'
import { formatTime } from '@/logic/format'
import { petitionProgress, signersText, stillNeeded, thresholdRule } from './petition'
import './petition.scss'

/** How many signed against the legal threshold, criterion by criterion, and where the petition stands. */
export function PetitionProgress({ p }: { p: PetitionView }) {
  const progress = petitionProgress(p)
  const missing = stillNeeded(p)
  return (
    <View className="xl-card petition__progress">
      <View className="petition__headline">{progress.headline}</View>
      <View className="petition__bar">
        <View
          className={`petition__fill${progress.reached ? ' petition__fill--met' : ''}`}
          style={{ width: `${progress.percent}%` }}
        />
      </View>
      {progress.lines.map((l) => (
        <View key={l.criterion} className={`xl-muted petition__line${l.met ? ' petition__line--met' : ''}`}>
          {l.text}
        </View>
      ))}
      {missing ? <View className="petition__line">{missing}</View> : null}
      <View className="petition__rule">
        {thresholdRule(p.target)}
        {signersText(p.target)}
      </View>
      {p.status === 'reached' ? (
        <View className="petition__banner petition__banner--waiting">
          已达到法定人数{p.reachedAt ? `（${formatTime(p.reachedAt)}）` : ''}，村委会已收到通知，应当召集
          {p.targetLabel}。
        </View>
      ) : null}
      {p.status === 'convened' ? (
        <View className="petition__banner">已列入议事，村委会将按程序召集{p.targetLabel}。</View>
      ) : null}
      {p.status === 'withdrawn' ? (
        <View className="petition__banner petition__banner--waiting">
          发起人已撤回{p.withdrawnAt ? `（${formatTime(p.withdrawnAt)}）` : ''}。
        </View>
      ) : null}
    </View>
  )
}
