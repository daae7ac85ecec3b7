import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { convenienceServiceRoutes, proxyLineText, type ServiceRequestView } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { PhotoGrid } from '@/components/Photos'
import { StateTag } from '@/components/StateTag'
import { useVillageRecord } from '@/hooks/useVillageRecord'
import { asApiError } from '@/hooks/useResource'
import { formatTime } from '@/logic/format'
import { HandoffPanel } from './HandoffPanel'
import { SERVICE_STATE_TONE, serviceStateLabel, timeLimitText } from './service'
import { SERVICE_UNVERIFIED } from './unverified'
import '@/components/Detail.scss'
import './services.scss'

/** A request and every hand-off since: the resident follows it; the desk records the next step here. */
export function ServiceDetailPage() {
  const {
    view,
    villageId,
    record: r,
    resource,
  } = useVillageRecord(
    (villageId, id) => call(convenienceServiceRoutes.detail, { params: { villageId, id } }, { toast: false }),
    {
      feature: '办事',
      unverified: SERVICE_UNVERIFIED,
      missing: { title: '没有找到这件办事申请', description: '请从“我的办事”里打开。' },
    },
  )
  if (view) return view
  const replace = (next: ServiceRequestView) => resource.setData(() => next)
  const id = r.id

  async function withdraw() {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后村里就不再办理这件事了。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '不撤回',
    })
    if (!confirm) return
    try {
      replace(await call(convenienceServiceRoutes.withdraw, { params: { villageId, id } }, { toast: false }))
    } catch (e) {
      const error = asApiError(e)
      if (!error.sessionEnded) showProblem(error.message)
    }
  }

  const brought = r.materials.filter((m) => m.brought)
  const missing = r.materials.filter((m) => !m.brought)
  return (
    <PageRoot className="svc">
      <View className="xl-card">
        <View className="xl-detail__head">
          <Text className="svc__title">{r.itemName}</Text>
          <StateTag tone={SERVICE_STATE_TONE[r.state]} label={serviceStateLabel(r.state)} />
        </View>
        <View className="xl-detail__facts">
          <View>办事人：{r.residentName}</View>
          {r.proxy ? <View>{proxyLineText(r.proxy)}</View> : null}
          <View>办理单位：{r.office}</View>
          <View>
            办理时限：{timeLimitText(r)}，{r.dueOn} 前办结
          </View>
          {r.overdue ? <View className="xl-detail__late">已超过办理时限</View> : null}
          {r.refuseReason ? <View className="xl-detail__late">未能办理：{r.refuseReason}</View> : null}
          <View>带来的材料：{brought.length > 0 ? brought.map((m) => m.name).join('、') : '还没有勾选'}</View>
          {missing.length > 0 ? <View>还要准备：{missing.map((m) => m.name).join('、')}</View> : null}
          {r.note ? <View>备注：{r.note}</View> : null}
        </View>
        {r.photoUrls.length > 0 ? <PhotoGrid urls={r.photoUrls} /> : null}
      </View>

      <View className="xl-section-title">办理经过</View>
      <View className="xl-card xl-timeline svc__timeline">
        {r.steps.map((s, i) => (
          <View key={`${s.at}-${i}`} className="xl-timeline__step">
            <View className="xl-timeline__dot" />
            <View className="xl-timeline__who">
              {s.label} · {s.byName}
            </View>
            <View className="xl-timeline__when">{formatTime(s.at)}</View>
            {s.office ? (
              <View className="xl-timeline__text">
                送到{s.office}，接收人：{s.receiver}
              </View>
            ) : null}
            {s.note ? <View className="xl-timeline__text">{s.note}</View> : null}
            {s.photoUrl ? <PhotoGrid urls={[s.photoUrl]} /> : null}
          </View>
        ))}
      </View>

      <HandoffPanel key={`${r.id}-${r.state}`} r={r} villageId={villageId} onDone={replace} />
      {r.actions.includes('withdraw') ? (
        <View className="svc__actions">
          <Button size="large" block onClick={() => void withdraw()}>
            撤回申请
          </Button>
        </View>
      ) : null}
    </PageRoot>
  )
}
