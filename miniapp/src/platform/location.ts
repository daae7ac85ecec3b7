import Taro from '@tarojs/taro'
import { PlatformProblem, errMsgOf, isCancel, isDenied } from './problem'

export interface PickedPlace {
  lat: number
  lng: number
  /** the place's name, or its address, at most 100 characters */
  address: string
}

/**
 * The person picks a place on WeChat's map (wx.chooseLocation; declared in app.config's
 * requiredPrivateInfos). Null when they close the map; a plain sentence when WeChat will not show it.
 */
export async function pickLocation(): Promise<PickedPlace | null> {
  try {
    const place = await Taro.chooseLocation({})
    return {
      lat: place.latitude,
      lng: place.longitude,
      address: (place.name || place.address || '').slice(0, 100),
    }
  } catch (e) {
    if (isCancel(e)) return null
    if (isDenied(e))
      throw new PlatformProblem('没有得到选择位置的许可，可以直接写下地点，或在设置里允许后再试', errMsgOf(e))
    throw new PlatformProblem('地图打不开，可以直接写下地点', errMsgOf(e))
  }
}
