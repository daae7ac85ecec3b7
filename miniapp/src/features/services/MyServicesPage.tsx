import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { convenienceServiceRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { useReshow } from '@/hooks/useReshow'
import { residentGate, useResidentVillage } from '@/hooks/useResidentVillage'
import { useResource } from '@/hooks/useResource'
import { ROUTES, withQuery } from '@/routes'
import { Loaded } from './Loaded'
import { ServiceCard } from './ServiceCard'
import { SERVICE_UNVERIFIED } from './unverified'
import './services.scss'

/** 我的办事: every request of mine, including those the desk filed for me, newest first. */
export function MyServicesPage() {
  const ctx = useResidentVillage()
  const villageId = ctx.villageId ?? 0
  const list = useResource(
    ctx.villageId !== null
      ? () => call(convenienceServiceRoutes.mine, { params: { villageId } }, { toast: false })
      : null,
    [ctx.villageId],
  )
  // back from a detail page: the state may have moved on
  useReshow(() => void list.reload())
  const gate = residentGate(ctx, '查看我的办事', SERVICE_UNVERIFIED)
  if (gate) return <PageRoot>{gate}</PageRoot>
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <PageRoot className="svc">
      <View className="svc__actions">
        <Button
          type="primary"
          size="large"
          block
          onClick={() => go(withQuery(ROUTES.serviceCatalogue, { villageId }))}
        >
          我要办事
        </Button>
      </View>
      <Loaded
        resource={list}
        empty={{
          title: '您还没有办过事',
          description: '养老保险、医保缴费、高龄津贴等，可以在手机上申请，村里帮您办或送到乡镇办。',
        }}
      >
        {(items) =>
          items.map((r) => (
            <ServiceCard
              key={r.id}
              r={r}
              onOpen={() => go(withQuery(ROUTES.serviceDetail, { id: r.id, villageId }))}
            />
          ))
        }
      </Loaded>
    </PageRoot>
  )
}
