import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ORG_KIND_LABELS } from '@xiangli/shared'
import { meGate } from '@/components/LoginPrompt'
import { PageRoot } from '@/components/PageRoot'
import { RoleTags } from '@/components/RoleTags'
import { EmptyView } from '@/components/States'
import { ROUTES } from '@/routes'
import { setActiveOrg, useMe } from '@/store/session'
import './SwitchPage.scss'

export function SwitchPage() {
  const session = useMe()
  const { me, active } = session
  const [saving, setSaving] = useState<number | null>(null)

  async function choose(orgId: number) {
    if (saving !== null) return
    if (orgId === active?.orgId) {
      await Taro.switchTab({ url: ROUTES.home })
      return
    }
    setSaving(orgId)
    try {
      await setActiveOrg(orgId)
      await Taro.switchTab({ url: ROUTES.home })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSaving(null)
    }
  }

  const who = meGate(session, '切换村（社区）')
  if (who || !me) return <PageRoot>{who}</PageRoot>
  if (me.memberships.length === 0)
    return (
      <PageRoot>
        <EmptyView
          title="还没有加入任何村（社区）"
          description="完成实名认证后，这里会列出您所在的村（社区）。"
          action={{ text: '去实名认证', onClick: () => void Taro.redirectTo({ url: ROUTES.verify }) }}
        />
      </PageRoot>
    )

  return (
    <PageRoot className="switch">
      <View className="xl-section-title">点一下，切换到要办事的村（社区）</View>
      {me.memberships.map((m) => (
        <View
          key={m.orgId}
          className={`xl-card xl-tap switch__item${m.orgId === active?.orgId ? ' switch__item--current' : ''}`}
          onClick={() => void choose(m.orgId)}
        >
          <View className="switch__head">
            <Text className="switch__name">{m.orgName}</Text>
            {m.orgId === active?.orgId ? <Text className="switch__tag">当前</Text> : null}
            {saving === m.orgId ? <Text className="xl-muted">正在切换…</Text> : null}
          </View>
          <View className="xl-muted">
            {ORG_KIND_LABELS[m.orgKind]}
            {m.parentName ? ` · ${m.parentName}` : ''}
          </View>
          <RoleTags roles={m.roles} />
        </View>
      ))}
    </PageRoot>
  )
}
