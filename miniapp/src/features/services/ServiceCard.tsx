import { Text, View } from '@tarojs/components'
import type { ServiceRequestSummary } from '@xiangli/shared'
import { StateTag } from '@/components/StateTag'
import { formatTime } from '@/logic/format'
import { SERVICE_STATE_TONE, serviceStateLabel } from './service'
import './services.scss'

/** One line of 我的办事 or of the desk's queue: the service, who, when, the state, and whether it is late. */
export function ServiceCard({
  r,
  showResident = false,
  onOpen,
}: {
  r: ServiceRequestSummary
  showResident?: boolean
  onOpen: () => void
}) {
  return (
    <View className="xl-card xl-tap" onClick={onOpen}>
      <View className="svc__row-head">
        <Text className="svc__title">{r.itemName}</Text>
        <StateTag tone={SERVICE_STATE_TONE[r.state]} label={serviceStateLabel(r.state)} />
      </View>
      <View className="svc__meta">
        {showResident ? <Text>{r.residentName}</Text> : null}
        <Text>{formatTime(r.submittedAt)} 申请</Text>
        <Text>{r.dueOn} 前办结</Text>
      </View>
      {r.overdue ? <View className="svc__late">已超过办理时限</View> : null}
    </View>
  )
}
