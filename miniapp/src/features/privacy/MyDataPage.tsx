import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import { RETAINED_AFTER_DELETION, privacyRoutes } from '@xiangli/shared'
import { call, showProblem } from '@/api/request'
import { meGate } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { ErrorView, LoadingView } from '@/components/States'
import { useResource } from '@/hooks/useResource'
import { PlatformProblem } from '@/platform/problem'
import { saveProtectedFile } from '@/platform/saveFile'
import { ROUTES } from '@/routes'
import { useMe } from '@/store/session'
import { canAskDeletion, deletionLine, summarise } from './myData'
import './privacy.scss'

const SAVED: Record<string, string> = {
  downloaded: '已保存',
  shared: '已发送',
  copied: '已复制，可以粘贴保存',
}

/** 我的数据: what is held about me, exported as a JSON file, and asking for deletion. */
export function MyDataPage() {
  const session = useMe()
  const data = useResource(session.loggedIn ? () => call(privacyRoutes.myData, {}, { toast: false }) : null, [
    session.loggedIn,
  ])
  const [busy, setBusy] = useState<'export' | 'delete' | null>(null)

  const who = meGate(session, '查看我的数据')
  if (who) return <PageRoot>{who}</PageRoot>
  if (!data.data)
    return (
      <PageRoot>
        {data.error ? <ErrorView error={data.error} onRetry={() => void data.reload()} /> : <LoadingView />}
      </PageRoot>
    )
  const { export: held, deletion } = data.data

  async function exportFile() {
    setBusy('export')
    try {
      const how = await saveProtectedFile(
        privacyRoutes.exportMyData.path,
        `xiangli-my-data-${held.exportedAt.slice(0, 10)}.json`,
        async () => JSON.stringify(held, null, 2),
      )
      if (SAVED[how]) void Taro.showToast({ title: SAVED[how]!, icon: 'none' })
    } catch (e) {
      showProblem(e instanceof PlatformProblem ? e.message : '没能导出，请稍后再试')
    } finally {
      setBusy(null)
    }
  }

  async function askDeletion() {
    const { confirm } = await Taro.showModal({
      title: '申请删除个人信息',
      content:
        '处理后，您的账号名称、微信身份、手机号、身份证号和登录记录会被删除，账号不能再用；法律要求保存的记录会保留但不再显示您的名字。确定申请吗？',
      confirmText: '申请删除',
    })
    if (!confirm) return
    setBusy('delete')
    try {
      await call(privacyRoutes.requestDeletion, {})
      await data.reload()
    } catch {
      // the request layer said what went wrong
    } finally {
      setBusy(null)
    }
  }

  const waiting = deletionLine(deletion)
  return (
    <PageRoot className="my-data">
      <View className="xl-section-title">我们保存的关于您的信息</View>
      <View className="xl-group">
        {summarise(held).map((l) => (
          <Cell key={l.label} title={l.label} extra={l.detail} />
        ))}
      </View>
      <View className="my-data__actions">
        <Button
          type="primary"
          size="large"
          block
          loading={busy === 'export'}
          onClick={() => void exportFile()}
        >
          导出全部（JSON 文件）
        </Button>
      </View>

      <View className="xl-section-title">申请删除</View>
      <View className="xl-card">
        <View className="xl-card__text">删除后下面这些记录依法保留，但不再显示您的名字：</View>
        {RETAINED_AFTER_DELETION.map((r) => (
          <View key={r} className="xl-card__text privacy__para">
            <Text>· {r}</Text>
          </View>
        ))}
        {waiting ? <View className="xl-card__text privacy__para">{waiting}</View> : null}
      </View>
      <View className="my-data__actions">
        <Button
          size="large"
          block
          disabled={!canAskDeletion(deletion)}
          loading={busy === 'delete'}
          onClick={() => void askDeletion()}
        >
          申请删除我的个人信息
        </Button>
        <Button size="large" block fill="none" onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
          阅读用户隐私保护指引
        </Button>
      </View>
    </PageRoot>
  )
}
