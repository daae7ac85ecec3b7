import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { convenienceServiceRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { EmptyView, ErrorView, LoadingView } from '@/components/States'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { forQuery, proxyFor } from '@/features/proxy/proxy'
import { ROUTES, withQuery } from '@/routes'
import { handlingText, timeLimitText } from './service'
import { SERVICE_UNVERIFIED } from './unverified'
import './services.scss'

/** One service: who decides it, what to bring, how long it takes; then 我要办理. */
export function ServiceItemPage() {
  const { params } = useRouter()
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const catalogue = useResource(
    ctx.villageId !== null
      ? () => call(convenienceServiceRoutes.catalogue, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  const gate = residentGate(ctx, '办事', SERVICE_UNVERIFIED)
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (catalogue.loading && !catalogue.data)
    return (
      <PageRoot>
        <LoadingView />
      </PageRoot>
    )
  if (!catalogue.data)
    return (
      <PageRoot>
        <ErrorView error={catalogue.error} onRetry={() => void catalogue.reload()} />
      </PageRoot>
    )
  const item = catalogue.data.find((i) => i.code === params.code)
  if (!item)
    return (
      <PageRoot>
        <EmptyView title="没有这项服务" description="可能已经停办了，请回到办事清单重新选择。" />
      </PageRoot>
    )
  const person = proxyFor(params)
  const apply = () =>
    void Taro.navigateTo({
      url: withQuery(ROUTES.serviceApply, {
        code: item.code,
        villageId,
        ...(person ? forQuery(person) : {}),
      }),
    })

  return (
    <PageRoot className="svc">
      <View className="xl-card">
        <Text className="svc__title">{item.name}</Text>
        <View className="svc__facts">
          <View>办理单位：{item.office}</View>
          <View>办理时限：{timeLimitText(item)}</View>
          <View>怎么办：{handlingText(item.handling)}</View>
          {item.description ? <View className="xl-muted">{item.description}</View> : null}
        </View>
      </View>
      <View className="xl-section-title">要带的材料</View>
      <View className="xl-card svc__facts">
        {item.materials.map((m, i) => (
          <View key={m}>
            {i + 1}. {m}
          </View>
        ))}
      </View>
      <View className="svc__actions">
        <Button type="primary" size="xlarge" block onClick={apply}>
          {person ? `为 ${person.name} 办理` : '我要办理'}
        </Button>
      </View>
    </PageRoot>
  )
}
