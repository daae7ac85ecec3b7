import { MAX_GRIEVANCE_PHOTOS } from '@xiangli/shared'
import { addPhotos, nextToUpload, patchPhoto, photoProblem, removePhoto, type DraftPhoto } from './photoDraft'

let n = 0
const newKey = () => `key-${++n}`
beforeEach(() => {
  n = 0
})

const photo = (overrides: Partial<DraftPhoto> = {}): DraftPhoto => ({
  key: 'p1',
  localPath: 'wxfile://tmp/1.jpg',
  status: 'done',
  progress: 100,
  fileId: 41,
  url: '/api/files/41?exp=1&sig=s',
  error: null,
  ...overrides,
})

describe('photos', () => {
  it('adds chosen photos up to nine and says how many did not fit', () => {
    const eight = addPhotos(
      [],
      Array.from({ length: 8 }, (_, i) => `tmp/${i}.jpg`),
      newKey,
    ).photos
    const { photos, skipped } = addPhotos(eight, ['a.jpg', 'b.jpg', 'c.jpg'], newKey)
    expect(photos).toHaveLength(MAX_GRIEVANCE_PHOTOS)
    expect(skipped).toBe(2)
    expect(photos.at(-1)).toMatchObject({ localPath: 'a.jpg', status: 'pending', fileId: null })
    expect(new Set(photos.map((p) => p.key)).size).toBe(9)
  })

  it('sends one at a time, in the order chosen', () => {
    const { photos } = addPhotos([], ['a.jpg', 'b.jpg'], newKey)
    expect(nextToUpload(photos)?.localPath).toBe('a.jpg')
    const sending = patchPhoto(photos, photos[0]!.key, { status: 'uploading' })
    expect(nextToUpload(sending)).toBeNull()
    const sent = patchPhoto(sending, photos[0]!.key, { status: 'done', fileId: 1 })
    expect(nextToUpload(sent)?.localPath).toBe('b.jpg')
  })

  it('keeps the key of a photo that is tried again', () => {
    const { photos } = addPhotos([], ['a.jpg'], newKey)
    const failed = patchPhoto(photos, photos[0]!.key, { status: 'failed', error: '网络不太好' })
    const again = patchPhoto(failed, photos[0]!.key, { status: 'pending', error: null })
    expect(again[0]!.key).toBe(photos[0]!.key)
    expect(nextToUpload(again)?.key).toBe(photos[0]!.key)
  })

  it('holds the issue back until every photo is up, and says why', () => {
    expect(photoProblem([photo()])).toBeNull()
    expect(photoProblem([photo(), photo({ key: 'p2', status: 'uploading' })])).toBe('照片还在上传，请稍等')
    expect(photoProblem([photo({ status: 'failed' }), photo({ key: 'p2', status: 'pending' })])).toBe(
      '有 1 张照片没传上去，请点照片重试，或者删掉它',
    )
  })

  it('can drop a photo', () => {
    expect(removePhoto([photo(), photo({ key: 'p2' })], 'p1').map((p) => p.key)).toEqual(['p2'])
  })
})
