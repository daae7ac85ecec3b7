import Taro from '@tarojs/taro'

/**
 * Reads a QR code with the camera (WeChat's scanner), or null when the person closed it. In a browser
 * there is no scanner: the phone's own camera opens the code's link, which lands on the same page.
 */
export async function scanCode(): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return r.result
  } catch {
    return null
  }
}

export const canScan = (): boolean => process.env.TARO_ENV === 'weapp'
