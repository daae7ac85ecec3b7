import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { PRIVACY_GUIDE } from '@xiangli/shared'
import { ROUTES } from '@/routes'
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacy, onPrivacyAsk, privacyAsked } from './privacy'
import './PrivacyPopup.scss'

/**
 * Shown while WeChat waits for the person to accept the 用户隐私保护指引 (see privacy.ts): what is
 * collected in a sentence, the whole guide a tap away, and 同意 / 不同意. Every page has one (PageRoot).
 */
export function PrivacyPopup() {
  const [asking, setAsking] = useState(privacyAsked)
  useEffect(() => onPrivacyAsk(setAsking), [])
  if (!asking) return null
  return (
    <View className="privacy-popup">
      <View className="privacy-popup__card">
        <Text className="privacy-popup__title">{PRIVACY_GUIDE.title}</Text>
        <Text className="privacy-popup__text">
          使用这项功能前，请阅读并同意隐私保护指引：我们只为办理村务收集必要的信息（微信身份、您填写的手机号和身份证号、您上传的照片、您选择标注的位置），不用于其他用途。
        </Text>
        <Text className="privacy-popup__link" onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
          查看完整的《用户隐私保护指引》
        </Text>
        <View className="privacy-popup__actions">
          <Button className="privacy-popup__no" onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-popup__yes"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
