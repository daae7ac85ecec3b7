import { Text, View } from '@tarojs/components'
import type { ReviewResultView } from '@xiangli/shared'
import { countsLine } from './cadreReview'

/** The published result: each person's counts and rating, and any post that ended (Art 33). */
export function ReviewResult({ result }: { result: ReviewResultView }) {
  return (
    <View className="xl-card review-result">
      <View className="xl-card__title">{result.valid ? '评议结果' : '评议无效'}</View>
      <View className="xl-muted">{result.reason}</View>
      {result.persons.map((p) => (
        <View key={p.subjectId} className="review__person">
          <Text className="review__rating">{`${p.name}：${p.ratingLabel}`}</Text>
          <View className="review__meta">
            <Text>{countsLine(p.counts)}</Text>
          </View>
          {p.postEnded ? <View className="review__ended">连续两次被评为不称职，职务终止</View> : null}
        </View>
      ))}
    </View>
  )
}
