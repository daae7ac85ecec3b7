import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { convenienceServiceRoutes, type ServiceItem } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { Loaded } from './Loaded'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { forQuery, proxyFor } from '@/features/proxy/proxy'
import { ROUTES, withQuery } from '@/routes'
import { handlingText, timeLimitText } from './service'
import { SERVICE_UNVERIFIED } from './unverified'
import './services.scss'

/** 办事: the services the village handles or carries to the office, each with its time limit. */
export function ServiceCataloguePage() {
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

  // 代办: the resident chosen at the desk goes on with the item
  const person = proxyFor(params)
  const open = (i: ServiceItem) =>
    void Taro.navigateTo({
      url: withQuery(ROUTES.serviceItem, { code: i.code, villageId, ...(person ? forQuery(person) : {}) }),
    })

  return (
    <PageRoot className="svc">
      {person ? <View className="xl-card proxy-note">为 {person.name} 代办：选要办的事。</View> : null}
      <View className="xl-card svc__facts xl-muted">
        这些事可以在村里办，或者由村里帮您把材料送到乡镇、部门办理（帮办代办），不用自己跑。
      </View>
      <Loaded
        resource={catalogue}
        empty={{ title: '还没有可以办的事项', description: '乡镇把服务事项列进来后，会显示在这里。' }}
      >
        {(items) =>
          items.map((i) => (
            <View key={i.code} className="xl-card xl-tap svc__item" onClick={() => open(i)}>
              <Text className="svc__title">{i.name}</Text>
              <View className="svc__meta">
                <Text>{i.office}</Text>
                <Text>{timeLimitText(i)}内办结</Text>
                <Text>{handlingText(i.handling)}</Text>
              </View>
            </View>
          ))
        }
      </Loaded>
    </PageRoot>
  )
}
