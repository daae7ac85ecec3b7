import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { PageRoot } from '@/components/PageRoot'
import { forQuery, proxyFor } from '@/features/proxy/proxy'
import { ROUTES, withQuery } from '@/routes'
import { handlingText, timeLimitText } from './service'
import { useCatalogueItem } from './useCatalogueItem'
import './services.scss'

/** One service: who decides it, what to bring, how long it takes; then 我要办理. */
export function ServiceItemPage() {
  const { params } = useRouter()
  const found = useCatalogueItem(params.code)
  const villageId = found.villageId
  if (found.page) return found.page
  const item = found.item
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
