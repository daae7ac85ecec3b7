import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { pointsRoutes, usefulIssueRule } from '@xiangli/shared'
import { call } from '@/api/request'
import { useResource } from '@/hooks/useResource'

/**
 * On the 两委's issue page: once the issue is answered, mark it useful and its raiser's household
 * earns the published points, once. Nothing shows before it is answered.
 */
export function UsefulIssueCard({
  villageId,
  grievanceId,
  state,
}: {
  villageId: number
  grievanceId: number
  state: string
}) {
  const answered = usefulIssueRule(state) === null
  const useful = useResource(
    answered
      ? () => call(pointsRoutes.usefulIssue, { params: { villageId, grievanceId } }, { toast: false })
      : null,
    [villageId, grievanceId, answered],
  )
  const [busy, setBusy] = useState(false)
  if (!answered || !useful.data) return null

  async function mark() {
    setBusy(true)
    try {
      const view = await call(pointsRoutes.markUseful, { params: { villageId, grievanceId } })
      useful.setData(() => view)
      void Taro.showToast({ title: '已记积分', icon: 'success' })
    } catch {
      // the request layer has said what went wrong
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="xl-card">
      <View className="xl-card__title">积分</View>
      {useful.data.markedUseful ? (
        <View className="xl-card__text">已认定这个问题有用，反映人一户得了 {useful.data.points} 分。</View>
      ) : (
        <>
          <View className="xl-card__text">
            这个问题反映得有用的，可以认定有用，按积分规则给反映人一户记分（只记一次）。
          </View>
          <View className="xl-actions">
            <Button type="primary" size="large" loading={busy} disabled={busy} onClick={() => void mark()}>
              认定有用并记分
            </Button>
          </View>
        </>
      )}
    </View>
  )
}
