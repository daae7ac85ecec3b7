import Taro from '@tarojs/taro'

/** A phone camera's 4000-pixel photo is far more than a problem report needs, and can pass the 5 MB limit. */
const MAX_EDGE = 1600
const QUALITY = 0.8
/** smaller files are sent as they are */
const SHRINK_ABOVE_BYTES = 600 * 1024

/**
 * The browser build of choosePhotos (see photos.ts): the same Taro.chooseImage, which in a browser
 * opens the file picker but does not compress, so large photos are redrawn smaller here.
 */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return []
  let res: Taro.chooseImage.SuccessCallbackResult
  try {
    // 'album' alone: a phone browser's own file picker already offers the camera, and asking for both
    // would put Taro's extra 拍摄/从相册选择 sheet in front of it
    res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album'] })
  } catch {
    return []
  }
  return Promise.all(
    res.tempFiles.map(async (f) => {
      if (f.size <= SHRINK_ABOVE_BYTES) return f.path
      const smaller = await shrink(f.path).catch(() => null)
      if (!smaller) return f.path
      URL.revokeObjectURL(f.path)
      return smaller
    }),
  )
}

export function releasePhoto(path: string): void {
  if (path.startsWith('blob:')) URL.revokeObjectURL(path)
}

function shrink(src: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      const scale = Math.min(1, MAX_EDGE / Math.max(img.naturalWidth, img.naturalHeight))
      const canvas = document.createElement('canvas')
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
      const ctx = canvas.getContext('2d')
      if (!ctx) return resolve(null)
      // a transparent PNG would turn black as a JPEG
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, canvas.width, canvas.height)
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
      canvas.toBlob((blob) => resolve(blob ? URL.createObjectURL(blob) : null), 'image/jpeg', QUALITY)
    }
    img.onerror = () => reject(new Error('not an image the browser can draw'))
    img.src = src
  })
}
