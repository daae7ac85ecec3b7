import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { MeetingView } from '@xiangli/shared'
import { ReasonDialog } from '@/components/ReasonDialog'
import { call } from '@/api/request'
import { deliberationRoutes } from '@xiangli/shared'

/**
 * Shown to the clerk when the server finds ballots it cannot account for (records altered behind
 * the app): the vote cannot be counted, only declared void, which the township is told of.
 */
export function VoidVoteCard({
  m,
  villageId,
  deliberationId,
  onVoided,
}: {
  m: MeetingView
  villageId: number
  deliberationId: number
  onVoided: (m: MeetingView) => Promise<void> | void
}) {
  const [asking, setAsking] = useState(false)
  if (!m.integrityProblem) return null
  return (
    <View className="xl-card xl-delib-integrity">
      <Text className="xl-delib-integrity__title">表决记录被改动过，不能计票</Text>
      <Text className="xl-delib-integrity__text">{m.integrityProblem}。</Text>
      <Text className="xl-delib-integrity__text">
        请宣布本次表决作废：不计任何一票，系统会报告乡镇核查，这一步要重新发通知开会。
      </Text>
      <View className="xl-actions">
        <Button type="danger" onClick={() => setAsking(true)}>
          宣布表决作废
        </Button>
      </View>
      <ReasonDialog
        visible={asking}
        title="宣布表决作废"
        hint="写明作废的经过，参会的人和乡镇都能看到："
        placeholder="例如：清点时发现选票比投票人数多一张，已报告乡镇"
        confirmText="宣布作废"
        maxLength={200}
        check={(t) => (t.trim() ? null : '请写明表决作废的原因')}
        onSubmit={async (reason) => {
          const voided = await call(deliberationRoutes.voidVote, {
            params: { villageId, id: deliberationId, meetingId: m.id },
            body: { reason },
          })
          setAsking(false)
          await onVoided(voided)
          void Taro.showToast({ title: '表决已作废', icon: 'success' })
        }}
        onClose={() => setAsking(false)}
      />
    </View>
  )
}
