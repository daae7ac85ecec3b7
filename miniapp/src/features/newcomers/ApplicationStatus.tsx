import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { NEWCOMER_STATE_LABELS, type NewcomerApplicationView } from '@xiangli/shared'
import { PageRoot } from '@/components/PageRoot'
import { PhotoGrid } from '@/components/Photos'
import { formatTime } from '@/logic/format'
import { ROUTES } from '@/routes'
import '@/features/verification/VerifyPage.scss'

/** One's application as it stands: waiting, approved (now a resident of the village) or refused. */
export function ApplicationStatus({
  view,
  onAnother,
}: {
  view: NewcomerApplicationView
  onAnother: () => void
}) {
  const stateClass =
    view.state === 'approved' ? 'confirmed' : view.state === 'refused' ? 'rejected' : 'pending'
  return (
    <PageRoot className="verify">
      <View className={`xl-card verify__status verify__status--${stateClass}`}>
        <View className="xl-card__title">{NEWCOMER_STATE_LABELS[view.state]}</View>
        <View className="xl-card__text">
          {view.state === 'approved'
            ? `您已登记为“${view.villageName}”的常住居民，可以反映问题、查看村务公开、参加意见征集和问卷了。`
            : view.state === 'pending'
              ? '村（居）委会会核对您的住址证明，处理后会发消息告诉您。'
              : view.reason
                ? `原因：${view.reason}`
                : '请核对后重新申请。'}
        </View>
        <View className="verify__facts">
          <View>村（社区）：{view.villageName}</View>
          <View>姓名：{view.name}</View>
          <View>身份证号：{view.idNumber}</View>
          <View>住址：{view.address}</View>
          <View>搬来日期：{view.movedInOn}</View>
          <View>提交时间：{formatTime(view.createdAt)}</View>
          {view.decidedAt ? <View>处理时间：{formatTime(view.decidedAt)}</View> : null}
        </View>
        <PhotoGrid urls={view.proofs.map((p) => p.url)} />
      </View>
      <View className="verify__submit">
        {view.state === 'refused' ? (
          <Button type="primary" size="xlarge" block onClick={onAnother}>
            重新申请
          </Button>
        ) : (
          <Button
            type="primary"
            size="xlarge"
            block
            onClick={() => void Taro.switchTab({ url: ROUTES.home })}
          >
            回首页
          </Button>
        )}
      </View>
    </PageRoot>
  )
}
