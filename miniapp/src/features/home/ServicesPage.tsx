import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import { LoginPrompt } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { useUnreadBadge } from '@/features/inbox/useUnread'
import { latestVerification } from '@/logic/membership'
import { buildServiceMenu } from './menu'
import { useMe } from '@/store/session'
import './ServicesPage.scss'

export function ServicesPage() {
  const { loggedIn, me, active, error, reload } = useMe()
  const unread = useUnreadBadge()

  if (!loggedIn)
    return (
      <PageRoot>
        <LoginPrompt what="办事" />
      </PageRoot>
    )
  if (!me)
    return (
      <PageRoot>
        {error ? <ErrorView error={error} onRetry={() => void reload()} /> : <LoadingView />}
      </PageRoot>
    )

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
                title={item.title}
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
