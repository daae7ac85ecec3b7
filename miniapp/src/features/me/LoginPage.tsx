import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import { authRoutes, privacyRoutes, type TokenPair } from '@xiangli/shared'
import { call } from '@/api/request'
import { ElderModeEntry } from '@/components/ElderModeEntry'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { GuideConsent } from '@/features/privacy/GuideConsent'
import { useResource } from '@/hooks/useResource'
import { ROUTES } from '@/routes'
import { wechatLoginCode } from '@/platform/login'
import { PlatformProblem } from '@/platform/problem'
import { showProblem } from '@/api/request'
import { fetchMe, loginWith, logoutNow } from '@/store/session'
import { isLoggedIn } from '@/store/tokens'
import './LoginPage.scss'

const IN_WECHAT = process.env.TARO_ENV === 'weapp'

const goHome = () => Taro.switchTab({ url: ROUTES.home })

/** Logged in: on to 首页, unless the person has yet to accept (this version of) the privacy guide. */
async function enter(tokens: TokenPair): Promise<'home' | 'consent'> {
  try {
    await loginWith(tokens)
  } catch {
    // Logged in all the same; 首页 loads the person again and shows what went wrong.
  }
  const status = await call(privacyRoutes.status, {}, { toast: false }).catch(() => null)
  if (status?.guide.needed) return 'consent'
  await goHome()
  return 'home'
}

export function LoginPage() {
  const demo = useResource(() => call(authRoutes.demoPeople, {}, { toast: false }), [])
  const [busy, setBusy] = useState<string | null>(null)
  const [consent, setConsent] = useState(false)

  useDidShow(() => {
    if (isLoggedIn())
      void fetchMe().then(
        () => Taro.switchTab({ url: ROUTES.home }),
        () => undefined,
      )
  })

  async function run(which: string, login: () => Promise<TokenPair>) {
    if (busy) return
    setBusy(which)
    try {
      if ((await enter(await login())) === 'consent') setConsent(true)
    } catch (e) {
      if (e instanceof PlatformProblem) showProblem(e.message)
      // the request layer has said what went wrong
    } finally {
      setBusy(null)
    }
  }

  const wechatLogin = () =>
    run('wechat', async () => {
      const code = await wechatLoginCode()
      return call(authRoutes.wechatLogin, { body: { code } })
    })

  const people = demo.data?.enabled ? demo.data.people : []

  async function decline() {
    setConsent(false)
    await logoutNow()
    showProblem('不同意隐私保护指引，就不能登录使用。您随时可以再次登录并阅读。')
  }

  // the guide takes the whole page until it is answered: nothing else is reachable before consent
  if (consent)
    return (
      <PageRoot className="login">
        <GuideConsent
          onAgreed={() => {
            setConsent(false)
            void goHome()
          }}
          onDeclined={() => void decline()}
        />
      </PageRoot>
    )

  return (
    <PageRoot className="login">
      <View className="login__brand">
        <Text className="login__name">乡里</Text>
        <Text className="login__slogan">村里的事，大家一起商量</Text>
      </View>
      <ElderModeEntry />

      {IN_WECHAT ? (
        <View className="xl-card">
          <Button type="primary" size="xlarge" block loading={busy === 'wechat'} onClick={wechatLogin}>
            微信一键登录
          </Button>
          <View className="login__hint">登录后，完成实名认证才能参与本村（社区）的事务。</View>
        </View>
      ) : null}

      {demo.loading && !demo.data ? <LoadingView text="正在查看能否演示登录…" /> : null}
      {demo.error && !demo.data ? <ErrorView error={demo.error} onRetry={() => void demo.reload()} /> : null}

      {demo.data && people.length > 0 ? (
        <>
          <View className="xl-section-title">演示账号（虚构人物，点一下即可登录体验）</View>
          <View className="xl-group">
            {people.map((p) => (
              <Cell
                key={p.key}
                title={p.name}
                description={`${p.roleLabel} · ${p.orgName}`}
                extra={busy === p.key ? '正在登录…' : '登录'}
                clickable
                onClick={() => void run(p.key, () => call(authRoutes.demoLogin, { body: { key: p.key } }))}
              />
            ))}
          </View>
        </>
      ) : null}

      {demo.data && people.length === 0 && !IN_WECHAT ? (
        <View className="xl-card">
          <View className="xl-card__title">网页版暂时不能登录</View>
          <View className="xl-card__text">
            网页版只能用演示账号登录，现在没有开放演示。请在微信里搜索“乡里”小程序，用微信登录。
          </View>
        </View>
      ) : null}

      {!IN_WECHAT && people.length > 0 ? (
        <View className="login__hint login__hint--page">
          网页版只能用演示账号登录；正式使用请在微信里打开“乡里”小程序。
        </View>
      ) : null}
    </PageRoot>
  )
}
