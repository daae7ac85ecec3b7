import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { meetingNoticeRoutes, type MeetingView } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { asApiError } from '@/hooks/useResource'
import { meetingTimeLines, paperNoticeLine } from '@/logic/deliberationMeetingTime'
import { PhotoGrid } from '../Photos'
import './deliberation.scss'

/** 开会时间, 签到 and the lapse time, as the notice promised them (Beijing time). */
export function MeetingTimes({ m }: { m: Pick<MeetingView, 'status' | 'timing'> }) {
  return (
    <View className="xl-delib-times">
      {meetingTimeLines(m).map((l) => (
        <View key={l.label} className="xl-delib-times__line">
          <Text className="xl-delib-times__label">{l.label}</Text>
          <Text>{l.value}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * The paper notice of a meeting, with its photos; a supervision-committee member confirms it here,
 * after which the notice days count from the time it went up on the board.
 */
export function PaperNoticeCard({
  m,
  villageId,
  onConfirmed,
}: {
  m: MeetingView
  villageId: number
  onConfirmed: (next: MeetingView) => void
}) {
  const [busy, setBusy] = useState(false)
  if (!m.paperNotice) return null
  const line = paperNoticeLine(m.paperNotice)

  async function confirm() {
    const { confirm: yes } = await Taro.showModal({
      title: '确认纸质通知',
      content:
        '请对照照片，确认这份纸质通知确实在这个时间贴在了公告栏上。确认后，通知时间按张贴的时间算，不能撤回。',
      confirmText: '确认',
    })
    if (!yes) return
    setBusy(true)
    try {
      onConfirmed(
        await call(
          meetingNoticeRoutes.confirmPaperNotice,
          { params: { villageId, id: m.deliberationId, meetingId: m.id } },
          { toast: false },
        ),
      )
      void Taro.showToast({ title: '已确认', icon: 'success' })
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="xl-card xl-delib-paper">
      <View className="xl-card__title">纸质通知</View>
      <View className={line.confirmed ? 'xl-muted' : 'xl-delib-form__rule xl-delib-form__rule--bad'}>
        {line.text}
      </View>
      <PhotoGrid urls={m.paperNotice.photos.map((p) => p.url)} />
      {m.canConfirmPaperNotice ? (
        <View className="xl-actions">
          <Button type="primary" loading={busy} disabled={busy} onClick={() => void confirm()}>
            确认纸质通知
          </Button>
        </View>
      ) : null}
    </View>
  )
}
