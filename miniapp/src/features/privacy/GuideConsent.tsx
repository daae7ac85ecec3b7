import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { PRIVACY_GUIDE, privacyRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { GuideText } from './GuideText'
import { guideAgreed } from './useGuideConsent'
import './privacy.scss'

/**
 * The consent at first login, and again when the guide has a new version: the whole guide, then
 * 同意并继续 (recorded with the version and time) or 不同意 (the caller logs out).
 */
export function GuideConsent({ onAgreed, onDeclined }: { onAgreed: () => void; onDeclined: () => void }) {
  const [busy, setBusy] = useState(false)
  async function agree() {
    if (busy) return
    setBusy(true)
    try {
      await call(privacyRoutes.consent, { body: { kind: 'guide', version: PRIVACY_GUIDE.version } })
      guideAgreed()
      onAgreed()
    } catch {
      // the request layer said what went wrong; the person can tap again
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="privacy-consent">
      <View className="privacy-consent__body">
        <View className="xl-card">
          <View className="xl-card__text">
            使用乡里之前，请阅读下面的《用户隐私保护指引》。它说明我们收集哪些信息、为什么收集、谁能看到、保存多久，以及您怎样查看、导出和删除。
          </View>
        </View>
        <GuideText />
      </View>
      <View className="privacy-consent__actions">
        <Button block size="large" disabled={busy} onClick={onDeclined}>
          不同意
        </Button>
        <Button
          className="privacy-consent__agree"
          block
          size="large"
          type="primary"
          loading={busy}
          onClick={() => void agree()}
        >
          同意并继续
        </Button>
      </View>
    </View>
  )
}
