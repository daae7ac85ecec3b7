import { Text, View } from '@tarojs/components'
import {
  GRIEVANCE_VISIBILITY_LABELS,
  collectedLabel,
  type GrievanceView,
  proxyLineText,
} from '@xiangli/shared'
import { formatTime } from '@/logic/format'
import { deadlineNote, locationText, ratingText, timelineHeadline } from './grievance'
import { PhotoGrid } from '@/components/Photos'
import { ModerationNote } from '@/features/content-check/ModerationNote'
import { GrievanceStateTag } from './GrievanceCard'
import '@/components/Detail.scss'
import './grievance.scss'

/** An issue in full: what was raised, by whom, where, and every step since, with who and when. */
export function GrievanceBody({ g, showVillage = false }: { g: GrievanceView; showVillage?: boolean }) {
  const due = deadlineNote(g)
  const place = locationText(g.location)
  return (
    <>
      <View className="xl-card">
        <View className="xl-detail__head">
          <Text className="xl-card__title">{g.title}</Text>
          <GrievanceStateTag state={g.state} />
        </View>
        <ModerationNote m={g.moderation} />
        <View className="xl-detail__text">{g.text}</View>
        <PhotoGrid urls={g.photoUrls} />
        <View className="xl-detail__facts">
          {showVillage ? <View>村（社区）：{g.villageName}</View> : null}
          <View>分类：{g.category}</View>
          {g.collectedBy ? (
            <View>来源：{collectedLabel(g.collectedBy)}</View>
          ) : (
            <View>提出人：{g.mine ? `${g.raiserName}（我）` : g.raiserName}</View>
          )}
          {g.proxy ? <View className="xl-detail__proxy">{proxyLineText(g.proxy)}</View> : null}
          <View>提出时间：{formatTime(g.createdAt)}</View>
          {place ? <View>位置：{place}</View> : null}
          <View>谁能看到：{GRIEVANCE_VISIBILITY_LABELS[g.visibility]}</View>
          {g.assigneeName ? <View>办理人：{g.assigneeName}</View> : null}
          {due ? <View className={due.overdue ? 'xl-detail__late' : ''}>{due.text}</View> : null}
          {g.visibility === 'public' ? <View>遇到同样问题的：{g.supportCount} 人</View> : null}
          {g.rating !== null ? (
            <View>
              评价：{ratingText(g.rating)}
              {g.ratingComment ? `，${g.ratingComment}` : ''}
            </View>
          ) : null}
        </View>
      </View>

      <View className="xl-section-title">办理经过</View>
      <View className="xl-card xl-timeline">
        {g.timeline.map((e, i) => (
          <View key={`${e.at}-${i}`} className="xl-timeline__step">
            <View className="xl-timeline__dot" />
            <View className="xl-timeline__who">{timelineHeadline(e)}</View>
            <View className="xl-timeline__when">{formatTime(e.at)}</View>
            {e.rating !== null ? <View className="xl-timeline__rating">{ratingText(e.rating)}</View> : null}
            {e.text ? <View className="xl-timeline__text">{e.text}</View> : null}
            <ModerationNote m={e.moderation} />
            <PhotoGrid urls={e.photoUrls} />
          </View>
        ))}
      </View>
    </>
  )
}
