import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { SEX_LABELS, type GridHouseholdView } from '@xiangli/shared'
import { ErrorView, LoadingView } from '@/components/States'
import { householdLine } from './grids'

/**
 * Households with their people, heads marked, phones as the server shows them to the reader: the
 * households of 我的网格 and of 我的小组. `households` null while loading.
 */
export function HouseholdCards({
  households,
  error,
  onRetry,
  empty,
}: {
  households: readonly GridHouseholdView[] | null
  error: Parameters<typeof ErrorView>[0]['error'] | null
  onRetry: () => void
  empty: ReactNode
}) {
  if (!households) return error ? <ErrorView error={error} onRetry={onRetry} /> : <LoadingView />
  if (households.length === 0) return <>{empty}</>
  return (
    <View>
      {households.map((h) => (
        <View key={h.id} className="xl-card grid-household">
          <View className="xl-card__title">{householdLine(h)}</View>
          {h.members.map((p) => (
            <View key={p.id} className="grid-household__member">
              <Text>
                {p.name}
                {p.isHouseholdHead ? '（户主）' : ''}
              </Text>
              <Text className="xl-muted">
                {SEX_LABELS[p.sex]} · {p.age} 岁{p.phone ? ` · ${p.phone}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
