import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Cell, Switch } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import { ORG_KIND_LABELS, VERIFICATION_STATE_LABELS, type Me } from '@xiangli/shared'
import { meGate } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { RoleTags } from '@/components/RoleTags'
import { useUnreadBadge } from '@/features/inbox/useUnread'
import { latestVerification } from '@/logic/membership'
import { ROUTES } from '@/routes'
import { useElderMode } from '@/store/elder'
import { changeElderMode, logoutNow, useMe } from '@/store/session'
import './MinePage.scss'

const go = (url: string) => void Taro.navigateTo({ url })

function verificationLine(me: Me): string {
  if (me.verified) return '已实名认证'
  const latest = latestVerification(me)
  if (!latest) return '还没有实名认证'
  return `实名认证：${VERIFICATION_STATE_LABELS[latest.state]}`
}

export function MinePage() {
  const session = useMe()
  const { me, active } = session
  const unread = useUnreadBadge()
  const elder = useElderMode()
  const [savingElder, setSavingElder] = useState(false)

  async function toggleElder(on: boolean) {
    setSavingElder(true)
    try {
      await changeElderMode(on)
    } catch {
      // changeElderMode put the old setting back; the request layer said why
    } finally {
      setSavingElder(false)
    }
  }

  async function confirmLogout() {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '确定要退出登录吗？',
      confirmText: '退出',
    })
    if (!confirm) return
    await logoutNow()
    await Taro.reLaunch({ url: ROUTES.login })
  }

  const who = meGate(session, '查看我的信息')
  if (who || !me) return <PageRoot>{who}</PageRoot>

  return (
    <PageRoot className="mine">
      <View className="xl-card">
        <View className="mine__name">{me.displayName}</View>
        <View className={me.verified ? 'mine__verified' : 'xl-muted'}>{verificationLine(me)}</View>
      </View>

      {me.memberships.length > 0 ? (
        <>
          <View className="xl-section-title">我所在的村（社区）和职务</View>
          {me.memberships.map((m) => (
            <View key={m.orgId} className="xl-card mine__membership">
              <View className="mine__org">
                <Text>{m.orgName}</Text>
                {active?.orgId === m.orgId && me.memberships.length > 1 ? (
                  <Text className="mine__current">当前</Text>
                ) : null}
              </View>
              <View className="xl-muted">
                {ORG_KIND_LABELS[m.orgKind]}
                {m.parentName ? ` · ${m.parentName}` : ''}
              </View>
              <RoleTags roles={m.roles} />
            </View>
          ))}
        </>
      ) : null}

      <View className="xl-group mine__menu">
        {!me.verified ? <Cell title="实名认证" clickable onClick={() => go(ROUTES.verify)} /> : null}
        {me.memberships.length > 1 ? (
          <Cell
            title="切换村（社区）/角色"
            extra={active?.orgName ?? ''}
            clickable
            onClick={() => go(ROUTES.switch)}
          />
        ) : null}
        <Cell
          title="消息"
          extra={unread > 0 ? <Text className="mine__badge">{unread > 99 ? '99+' : unread}</Text> : ''}
          clickable
          onClick={() => go(ROUTES.inbox)}
        />
        <Cell
          title="长辈模式"
          description="字更大，按钮更好按"
          clickable
          onClick={() => (savingElder ? undefined : void toggleElder(!elder))}
          extra={<Switch checked={elder} disabled={savingElder} />}
        />
        <Cell
          title="我的数据"
          description="查看、导出保存的关于我的信息，申请删除"
          clickable
          onClick={() => go(ROUTES.myData)}
        />
        <Cell title="用户隐私保护指引" clickable onClick={() => go(ROUTES.privacy)} />
      </View>

      <View className="mine__logout">
        <Button block size="large" onClick={() => void confirmLogout()}>
          退出登录
        </Button>
      </View>
    </PageRoot>
  )
}
