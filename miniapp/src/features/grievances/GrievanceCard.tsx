import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { collectedLabel, type GrievanceState, type GrievanceSummary } from '@xiangli/shared'
import { formatTime } from '@/logic/format'
import { deadlineNote, stateLabel, stateTone } from './grievance'
import { photoSrc } from '@/components/Photos'
import { StateTag } from '@/components/StateTag'
import { ModerationNote } from '@/features/content-check/ModerationNote'
import './grievance.scss'

export function GrievanceStateTag({ state }: { state: GrievanceState }) {
  return <StateTag tone={stateTone(state)} label={stateLabel(state)} />
}

/** One issue in a list: what, how far it got, how long it has left; the page adds its own buttons below. */
export function GrievanceCard({
  g,
  onOpen,
  showVillage = false,
  children,
}: {
  g: GrievanceSummary
  onOpen: () => void
  showVillage?: boolean
  children?: ReactNode
}) {
  const due = deadlineNote(g)
  return (
    <View className={`xl-card xl-grievance${g.overdue ? ' xl-grievance--overdue' : ''}`}>
      <View className="xl-grievance__open xl-tap xl-tap--line" onClick={onOpen}>
        <View className="xl-grievance__head">
          <Text className="xl-grievance__title">{g.title}</Text>
          <GrievanceStateTag state={g.state} />
        </View>
        <View className="xl-grievance__excerpt">{g.excerpt}</View>
        <ModerationNote m={g.moderation} />
        {g.photoUrls.length > 0 ? (
          <View className="xl-grievance__thumbs">
            {g.photoUrls.slice(0, 3).map((u) => (
              <Image key={u} className="xl-grievance__thumb" src={photoSrc(u)} mode="aspectFill" lazyLoad />
            ))}
            {g.photoUrls.length > 3 ? <Text className="xl-muted">共 {g.photoUrls.length} 张</Text> : null}
          </View>
        ) : null}
        <View className="xl-grievance__meta">
          <Text>{g.category}</Text>
          {showVillage ? <Text>{g.villageName}</Text> : null}
          <Text>{g.collectedBy ? collectedLabel(g.collectedBy) : g.mine ? '我提的' : g.raiserName}</Text>
          <Text>{formatTime(g.createdAt)}</Text>
        </View>
        {due || g.assigneeName ? (
          <View className="xl-grievance__meta">
            {due ? (
              <Text className={due.overdue ? 'xl-grievance__late' : ''}>
                {due.overdue ? '⚠ ' : ''}
                {due.text}
              </Text>
            ) : null}
            {g.assigneeName ? <Text>交由{g.assigneeName}办理</Text> : null}
          </View>
        ) : null}
      </View>
      {children}
    </View>
  )
}
