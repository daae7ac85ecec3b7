import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Cell, Switch } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import { chooseElderModeLocally, markElderAsked, useElderAsked, useElderMode } from '@/store/elder'
import { changeElderMode } from '@/store/session'
import { isLoggedIn } from '@/store/tokens'
import './ElderModeEntry.scss'

/**
 * 长辈模式 on the first screen (the home and login pages), as the 适老化 rule asks: at first launch a
 * question with two big buttons, afterwards a switch. WeChat's large font may already have turned it
 * on; then the question asks whether to keep it.
 */
export function ElderModeEntry() {
  const elder = useElderMode()
  const asked = useElderAsked()
  const [saving, setSaving] = useState(false)

  async function choose(on: boolean) {
    if (!isLoggedIn()) {
      chooseElderModeLocally(on)
      return
    }
    setSaving(true)
    try {
      await changeElderMode(on)
    } catch {
      // changeElderMode put the old setting back; the request layer said why
    } finally {
      setSaving(false)
    }
  }

  async function answer(on: boolean) {
    markElderAsked()
    await choose(on)
  }

  if (!asked)
    return (
      <View className="xl-card xl-elder-entry xl-elder-entry--ask">
        <View className="xl-card__title">{elder ? '已为您打开长辈模式' : '要打开长辈模式吗？'}</View>
        <View className="xl-card__text">
          长辈模式的字更大、按钮更大，看得清、点得准。以后在首页和“我的”里都可以随时开关。
        </View>
        <View className="xl-actions">
          <Button type="primary" disabled={saving} onClick={() => void answer(true)}>
            {elder ? '保持打开' : '打开长辈模式'}
          </Button>
          <Button disabled={saving} onClick={() => void answer(false)}>
            {elder ? '关掉' : '不用了'}
          </Button>
        </View>
      </View>
    )

  return (
    <View className="xl-group xl-elder-entry">
      {/* the whole row is the switch: a thumb-sized target, as 长辈模式 itself asks */}
      <Cell
        title="长辈模式"
        description="字更大、按钮更大"
        clickable
        onClick={() => (saving ? undefined : void choose(!elder))}
        extra={<Switch checked={elder} disabled={saving} />}
      />
    </View>
  )
}
