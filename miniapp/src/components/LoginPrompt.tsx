import Taro from '@tarojs/taro'
import { ROUTES } from '@/routes'
import { EmptyView } from './States'

/** For a page that needs a logged-in person, shown instead of its content. */
export function LoginPrompt({ what }: { what: string }) {
  return (
    <EmptyView
      title="请先登录"
      description={`登录后才能${what}`}
      action={{ text: '去登录', onClick: () => void Taro.navigateTo({ url: ROUTES.login }) }}
    />
  )
}
