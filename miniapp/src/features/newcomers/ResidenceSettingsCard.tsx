import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { newcomerRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { Chips } from '@/components/Chips'
import { useResource } from '@/hooks/useResource'

const OPTIONS = [
  { value: 'elections', label: '只参加选举' },
  { value: 'all', label: '也参加其他事项的表决' },
] as const

/**
 * The village's choice for newcomers the villagers' or representatives' meeting admitted (Art 13):
 * they vote in elections; whether also on the village's other matters is up to the village.
 */
export function ResidenceSettingsCard({ villageId }: { villageId: number }) {
  const settings = useResource(
    () => call(newcomerRoutes.settings, { params: { villageId } }, { toast: false }),
    [villageId],
  )
  const [saving, setSaving] = useState(false)
  if (!settings.data) return null
  const value = settings.data.admittedVoteOnOtherMatters ? 'all' : 'elections'

  async function choose(next: 'elections' | 'all') {
    if (saving || next === value) return
    setSaving(true)
    try {
      await call(newcomerRoutes.saveSettings, {
        params: { villageId },
        body: { admittedVoteOnOtherMatters: next === 'all' },
      })
      await settings.reload()
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className="xl-card">
      <View className="xl-card__title">经会议同意的非户籍常住居民</View>
      <View className="xl-muted">
        在本村居住满一年、经村民会议或村民代表会议同意的，可以参加选举。是否也参加其他事项的表决，由本村决定：
      </View>
      <Chips options={OPTIONS} value={value} onChange={(v) => void choose(v)} />
    </View>
  )
}
