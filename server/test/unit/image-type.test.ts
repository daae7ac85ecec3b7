import { sniffImage } from '../../src/core/files/image-type'
import { jpeg, png } from '../support/images'

const riff = (chunk: string, payload: Buffer) => {
  const head = Buffer.alloc(20)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(payload.length + 12, 4)
  head.write('WEBP', 8, 'latin1')
  head.write(chunk, 12, 'latin1')
  head.writeUInt32LE(payload.length, 16)
  return Buffer.concat([head, payload])
}

describe('sniffImage', () => {
  it('reads a PNG and its size from the IHDR chunk', () => {
    expect(sniffImage(png(3, 2))).toEqual({ mime: 'image/png', ext: 'png', width: 3, height: 2 })
  })

  it('reads a JPEG and finds its size past the JFIF and Exif segments', () => {
    expect(sniffImage(jpeg(640, 480))).toEqual({ mime: 'image/jpeg', ext: 'jpg', width: 640, height: 480 })
  })

  it('still takes a JPEG whose frame header is cut off, without a size', () => {
    expect(sniffImage(jpeg(640, 480).subarray(0, 30))).toEqual({ mime: 'image/jpeg', ext: 'jpg' })
  })

  it('reads the size of an extended WebP (VP8X)', () => {
    const payload = Buffer.alloc(10)
    payload.writeUIntLE(1199, 4, 3)
    payload.writeUIntLE(799, 7, 3)
    expect(sniffImage(riff('VP8X', payload))).toEqual({
      mime: 'image/webp',
      ext: 'webp',
      width: 1200,
      height: 800,
    })
  })

  it('reads the size of a lossless WebP (VP8L)', () => {
    // width 100, height 50: 14-bit fields of (size − 1) packed little-endian after the 0x2f signature
    const bits = 99 | (49 << 14)
    const payload = Buffer.from([
      0x2f,
      bits & 0xff,
      (bits >> 8) & 0xff,
      (bits >> 16) & 0xff,
      (bits >> 24) & 0xff,
    ])
    expect(sniffImage(riff('VP8L', payload))).toMatchObject({ mime: 'image/webp', width: 100, height: 50 })
  })

  it('recognises HEIC and HEIF by the brand of their ftyp box', () => {
    const ftyp = (brand: string) =>
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}\0\0\0\0mif1heic`, 'latin1')])
    expect(sniffImage(ftyp('heic'))).toEqual({ mime: 'image/heic', ext: 'heic' })
    expect(sniffImage(ftyp('mif1'))).toEqual({ mime: 'image/heif', ext: 'heif' })
    expect(sniffImage(ftyp('isom'))).toBeNull() // an MP4 video
  })

  it.each([
    ['a text file', Buffer.from('这不是照片，是一段文字\n', 'utf8')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['a PDF', Buffer.from('%PDF-1.7\n', 'latin1')],
    ['a PNG signature without its header chunk', png(1, 1).subarray(0, 16)],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_, bytes) => {
    expect(sniffImage(bytes)).toBeNull()
  })
})
