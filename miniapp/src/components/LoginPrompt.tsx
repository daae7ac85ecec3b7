import type { ReactElement } from 'react'
import Taro from '@tarojs/taro'
import { ROUTES } from '@/routes'
import type { MeState } from '@/store/session'
import { EmptyView, ErrorView, LoadingView } from './States'

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

/**
 * What a page shows while it does not know who is looking: the login prompt, the person loading, or
 * why they did not load (with 重试). Null once the person is there.
 */
export function meGate(
  state: Pick<MeState, 'loggedIn' | 'me' | 'error' | 'reload'>,
  what: string,
): ReactElement | null {
  if (!state.loggedIn) return <LoginPrompt what={what} />
  if (!state.me)
    return state.error ? (
      <ErrorView error={state.error} onRetry={() => void state.reload()} />
    ) : (
      <LoadingView />
    )
  return null
}
