import Taro from '@tarojs/taro'

/**
 * Lets the person take or pick photos. WeChat compresses them on the phone (sizeType compressed)
 * before they are uploaded; the browser build does its own shrinking (photos.h5.ts). Resolves with
 * the local paths, or an empty list when the person changed their mind. wx.chooseMedia replaced
 * wx.chooseImage (which WeChat no longer maintains); an old WeChat without it still has the latter.
 */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return []
  try {
    if (typeof Taro.chooseMedia === 'function') {
      const res = await Taro.chooseMedia({
        count,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      return res.tempFiles.map((f) => f.tempFilePath)
    }
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFilePaths
  } catch {
    // closed without choosing, or no permission for the camera or album: nothing is added
    return []
  }
}

/** Frees a picked photo's local copy once it is no longer shown (only browsers hold one). */
export function releasePhoto(_path: string): void {
  // temp files on the phone are cleaned up by WeChat
}
