import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import { meGate } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { useUnreadBadge } from '@/features/inbox/useUnread'
import { latestVerification } from '@/logic/membership'
import { buildServiceMenu } from './menu'
import { MENU_ICONS } from './menuIcons'
import { useMe } from '@/store/session'
import './ServicesPage.scss'

export function ServicesPage() {
  const session = useMe()
  const { me, active } = session
  const unread = useUnreadBadge()

  const who = meGate(session, '办事')
  if (who || !me) return <PageRoot>{who}</PageRoot>

  const sections = buildServiceMenu({
    verified: me.verified,
    verificationPending: latestVerification(me)?.state === 'pending',
    membership: active,
  })

  return (
    <PageRoot className="services">
      {sections.map((section) => (
        <View key={section.title}>
          <View className="xl-section-title">{section.title}</View>
          <View className="xl-group">
            {section.items.map((item) => (
              <Cell
                key={item.key}
                title={
                  <View className="services__entry">
                    <Image className="services__icon" src={MENU_ICONS[item.key]} mode="aspectFit" />
                    <Text>{item.title}</Text>
                  </View>
                }
                description={item.description}
                extra={
                  item.key === 'inbox' && unread > 0 ? (
                    <View className="xl-danger-text">{unread} 条未读</View>
                  ) : (
                    ''
                  )
                }
                clickable
                onClick={() => void Taro.navigateTo({ url: item.url })}
              />
            ))}
          </View>
        </View>
      ))}
    </PageRoot>
  )
}
