import { loadSharp } from '../lazy-modules'
import type { ImageInfo } from './image-type'

/** Width of the thumbnail lists show; a phone list row is far narrower. */
export const THUMB_WIDTH = 320
/** A photo of more pixels than this is refused before it is decoded (a 12-megapixel phone photo is far below). */
const MAX_INPUT_PIXELS = 50_000_000

export interface EncodedPhoto {
  bytes: Buffer
  info: ImageInfo & { width: number; height: number }
  /** a WebP at most THUMB_WIDTH wide */
  thumb: Buffer
}

/**
 * The photo as it is kept: decoded and written again upright (the EXIF orientation applied) in its
 * own format, with no metadata at all, so no GPS position, camera or time leaves the phone's owner;
 * and its thumbnail. Null when the bytes cannot be decoded (cut off, not really a photo, or HEIC,
 * which the bundled image library does not read).
 */
export async function encodePhoto(input: Buffer, sniffed: ImageInfo): Promise<EncodedPhoto | null> {
  try {
    const sharp = loadSharp()
    const upright = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate()
    const out =
      sniffed.mime === 'image/png'
        ? upright.png({ compressionLevel: 9 })
        : sniffed.mime === 'image/webp'
          ? upright.webp({ quality: 85 })
          : upright.jpeg({ quality: 85, mozjpeg: true })
    const { data, info } = await out.toBuffer({ resolveWithObject: true })
    const thumb = await sharp(data)
      .resize({ width: THUMB_WIDTH, withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer()
    const kept: ImageInfo =
      sniffed.mime === 'image/png'
        ? { mime: 'image/png', ext: 'png' }
        : sniffed.mime === 'image/webp'
          ? { mime: 'image/webp', ext: 'webp' }
          : { mime: 'image/jpeg', ext: 'jpg' }
    return { bytes: data, info: { ...kept, width: info.width, height: info.height }, thumb }
  } catch {
    return null
  }
}
