import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { pageClass } from '@/logic/elder'
import { PrivacyPopup } from '@/platform/PrivacyPopup'
import { useElderMode } from '@/store/elder'

/**
 * The root of every page: carries the 长辈模式 class so text and buttons grow everywhere at once, and
 * WeChat's privacy popup, which may be asked for on any page (see platform/privacy.ts).
 */
export function PageRoot({ className, children }: PropsWithChildren<{ className?: string }>) {
  const elder = useElderMode()
  return (
    <View className={pageClass(elder, className)}>
      {children}
      <PrivacyPopup />
    </View>
  )
}
