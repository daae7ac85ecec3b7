/**
 * What an uploaded file really is, read from its first bytes rather than its name or the type the
 * phone claims. Only the photo formats phones produce are recognised.
 */
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'image/heif'

export interface ImageInfo {
  mime: ImageMime
  ext: 'jpg' | 'png' | 'webp' | 'heic' | 'heif'
  width?: number
  height?: number
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs'])
const HEIF_BRANDS = new Set(['mif1', 'msf1'])

const ascii = (b: Buffer, start: number, end: number): string =>
  b.length >= end ? b.toString('latin1', start, end) : ''

const sized = (info: ImageInfo, width: number, height: number): ImageInfo =>
  width > 0 && height > 0 ? { ...info, width, height } : info

export function sniffImage(b: Buffer): ImageInfo | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b)
  if (b.length >= 24 && b.subarray(0, 8).equals(PNG_SIGNATURE)) {
    if (ascii(b, 12, 16) !== 'IHDR') return null
    return sized({ mime: 'image/png', ext: 'png' }, b.readUInt32BE(16), b.readUInt32BE(20))
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return webp(b)
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12)
    if (HEIC_BRANDS.has(brand)) return { mime: 'image/heic', ext: 'heic' }
    if (HEIF_BRANDS.has(brand)) return { mime: 'image/heif', ext: 'heif' }
  }
  return null
}

/** Walks the JPEG segments to the first start-of-frame marker, which carries the size. */
function jpeg(b: Buffer): ImageInfo {
  const info: ImageInfo = { mime: 'image/jpeg', ext: 'jpg' }
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return info
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i += 1 // fill byte
      continue
    }
    // markers without a length field
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return info // end of image, start of scan
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) return sized(info, b.readUInt16BE(i + 7), b.readUInt16BE(i + 5))
    i += 2 + b.readUInt16BE(i + 2)
  }
  return info
}

function webp(b: Buffer): ImageInfo {
  const info: ImageInfo = { mime: 'image/webp', ext: 'webp' }
  const chunk = ascii(b, 12, 16)
  if (chunk === 'VP8 ' && b.length >= 30)
    return sized(info, b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff)
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const width = 1 + (((b[22]! & 0x3f) << 8) | b[21]!)
    const height = 1 + (((b[24]! & 0x0f) << 10) | (b[23]! << 2) | ((b[22]! & 0xc0) >> 6))
    return sized(info, width, height)
  }
  if (chunk === 'VP8X' && b.length >= 30) return sized(info, 1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3))
  return info
}
