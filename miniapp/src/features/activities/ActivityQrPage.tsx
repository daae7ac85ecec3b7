import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { activityRoutes, chinaTimeLabel, type ActivityCheckInCode } from '@xiangli/shared'
import type { ApiError } from '@/api/core'
import { call } from '@/api/request'
import { PageRoot } from '@/components/PageRoot'
import { LoadingView } from '@/components/States'
import { useResidentVillage } from '@/hooks/useResidentVillage'
import { asApiError } from '@/hooks/useResource'
import { idParam } from '@/logic/links'
import { Failed, organiserGate } from './gates'
import './activities.scss'

/** The shortest and longest wait between two codes: never hammer the server, never show a stale code. */
const MIN_WAIT_MS = 1_000
const MAX_WAIT_MS = 30_000

/** The organiser shows this on the day: a QR code that changes every 30 seconds, fetched anew each time. */
export function ActivityQrPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const ctx = useResidentVillage()
  const villageId = ctx.villageId
  const [code, setCode] = useState<ActivityCheckInCode | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [round, setRound] = useState(0)
  const organiser = organiserGate(ctx, '签到二维码') === null

  useEffect(() => {
    if (villageId === null || id === null || !organiser) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let live = true
    call(activityRoutes.checkInCode, { params: { villageId, id } }, { toast: false })
      .then((c) => {
        if (!live) return
        setCode(c)
        setError(null)
        const wait = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, Date.parse(c.refreshAt) - Date.now() + 200))
        timer = setTimeout(() => setRound((r) => r + 1), wait)
      })
      .catch((e: unknown) => {
        if (!live) return
        const failed = asApiError(e)
        setError(failed)
        // a refusal stays a refusal; a network failure is tried again
        if (failed.status === null || failed.status >= 500)
          timer = setTimeout(() => setRound((r) => r + 1), 5_000)
      })
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [villageId, id, round, organiser])

  const gate = organiserGate(ctx, '签到二维码')
  if (gate) return <PageRoot>{gate}</PageRoot>
  if (!code && error) return <Failed error={error} onRetry={() => setRound((r) => r + 1)} />
  if (!code)
    return (
      <PageRoot className="activity">
        <LoadingView text="正在生成签到码…" />
      </PageRoot>
    )
  return (
    <PageRoot className="activity">
      <View className="xl-card activity__qr">
        <Text className="activity__title">请村民扫码签到</Text>
        <Image className="activity__qr-image" src={code.qrImage} mode="aspectFit" />
        <Text className="xl-muted">二维码每 30 秒自动更换，截图转发的会失效。</Text>
        <Text className="xl-muted">本次更换：{chinaTimeLabel(new Date())}</Text>
        {error ? <Text className="xl-muted">网络不好，正在重试：{error.message}</Text> : null}
      </View>
    </PageRoot>
  )
}
