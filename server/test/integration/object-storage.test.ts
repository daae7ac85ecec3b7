import sharp from 'sharp'
import { type GrievanceView } from '@xiangli/shared'
import { Purges } from '../../src/core/housekeeping/purges'
import { thumbKey } from '../../src/core/files/files.service'
import { OBJECT_STORE, type ObjectStore } from '../../src/core/files/storage'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { startTestS3, type TestS3 } from '../support/s3'

/**
 * With S3_BUCKET set, uploads and certificate PDFs live in the bucket (here s3rver, a real S3 protocol
 * server started by the test) and nothing changes for the people using the app: a photo sent with an
 * issue is read back by its owner through the same authorised route, a stranger is refused, and a
 * certificate PDF downloads. Photos are kept re-encoded: no EXIF, no GPS, upright, with a thumbnail.
 */
describe(`files in an S3 bucket on ${DIALECT}`, () => {
  let s3: TestS3
  let t: TestApp
  let store: ObjectStore
  let ids: { village: number; community: number; township: number }
  let resident: string
  let stranger: string
  let committee: string

  /** A 40×20 JPEG as a phone writes it: camera make, a GPS position, and "turn right to view". */
  const phonePhoto = () =>
    sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 50, b: 50 } } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'XiangliCam', Model: 'T1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '30/1 15/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '120/1 10/1 0/1',
        },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer()
  /** the EXIF tag that points at the GPS block, in either byte order */
  const hasGpsPointer = (exif: Buffer) =>
    exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))

  const row = async (id: number): Promise<{ storageKey: string; sha256: string; size: number }> =>
    (await t.ds.query('SELECT storageKey, sha256, size FROM stored_file WHERE id = ?', [id]))[0]
  const raw = (url: string, token?: string) =>
    t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) })

  beforeAll(async () => {
    s3 = await startTestS3()
    // no UPLOAD_DIR of its own: nothing may be written there with a bucket configured
    t = await startTestApp({ ...s3.env, UPLOAD_DIR: '/nonexistent/xiangli-must-not-be-used' })
    store = t.app.get<ObjectStore>(OBJECT_STORE)
    ids = await villageIds(t.ds)
    ;[resident, stranger, committee] = await Promise.all(
      ['resident', 'community_resident', 'committee'].map((k) => t.login(k)),
    )
  })
  afterAll(async () => {
    await t?.close()
    await s3?.close()
  })

  it('keeps a photo in the bucket without EXIF or GPS, upright, with a thumbnail', async () => {
    const original = await phonePhoto()
    const before = await sharp(original).metadata()
    expect(before.exif && hasGpsPointer(before.exif)).toBe(true)
    expect(before.exif!.includes(Buffer.from('XiangliCam'))).toBe(true)

    const up = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/uploads`,
      token: resident,
      ...multipart('file', 'photo.jpg', original, 'image/jpeg'),
    })
    expect(up.status).toBe(201)
    // orientation 6 applied: the 40×20 picture is kept 20×40
    expect(up.body).toEqual(expect.objectContaining({ mime: 'image/jpeg', width: 20, height: 40 }))

    const { storageKey, sha256, size } = await row(up.body.id)
    expect(store.kind).toBe('s3')
    const stored = (await store.get(storageKey))!
    expect(stored.length).toBe(size)
    const after = await sharp(stored).metadata()
    expect({
      exif: after.exif,
      orientation: after.orientation,
      width: after.width,
      height: after.height,
    }).toEqual({
      exif: undefined,
      orientation: undefined,
      width: 20,
      height: 40,
    })
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false)
    expect(stored.includes(Buffer.from('XiangliCam'))).toBe(false)

    const thumb = (await store.get(thumbKey(sha256)))!
    const tm = await sharp(thumb).metadata()
    expect({ format: tm.format, width: tm.width, height: tm.height }).toEqual({
      format: 'webp',
      width: 20,
      height: 40,
    })
  })

  describe('a photo sent with an issue', () => {
    let photo: { id: number; url: string }
    let issue: GrievanceView

    beforeAll(async () => {
      const big = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2b7a4b' } })
        .png()
        .toBuffer()
      const up = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/uploads`,
        token: resident,
        ...multipart('file', 'rubbish.png', big, 'image/png'),
      })
      expect(up.status).toBe(201)
      photo = up.body
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/grievances`,
        token: resident,
        body: { category: '环境卫生', title: '桶里的照片', text: '村口的垃圾没人清。', photoIds: [photo.id] },
      })
      expect(res.status).toBe(201)
      issue = res.body
    })

    it('is read back by its owner through the files route, streamed from the bucket', async () => {
      expect(issue.photoUrls).toHaveLength(1)
      const res = await raw(`/api/files/${photo.id}`, resident)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      const { storageKey } = await row(photo.id)
      expect(res.rawPayload.equals((await store.get(storageKey))!)).toBe(true)
      // the signed link the views hand out works as on disk
      const linked = await raw(issue.photoUrls[0]!)
      expect(linked.statusCode).toBe(200)
      expect(linked.rawPayload.equals(res.rawPayload)).toBe(true)
    })

    it('gives lists a WebP thumbnail 320 pixels wide', async () => {
      const res = await raw(`/api/files/${photo.id}?size=thumb`, resident)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/webp')
      const m = await sharp(res.rawPayload).metadata()
      expect({ format: m.format, width: m.width, height: m.height }).toEqual({
        format: 'webp',
        width: 320,
        height: 240,
      })
      const linked = await raw(`${issue.photoUrls[0]!}&size=thumb`)
      expect(linked.statusCode).toBe(200)
      expect(linked.rawPayload.equals(res.rawPayload)).toBe(true)
    })

    it('is refused to a stranger, thumbnail too, as a file that does not exist', async () => {
      for (const url of [`/api/files/${photo.id}`, `/api/files/${photo.id}?size=thumb`]) {
        const res = await t.request({ method: 'GET', url, token: stranger })
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' })
      }
      expect((await raw(`/api/files/${photo.id}`)).statusCode).toBe(401)
    })

    it('refuses bytes that are no decodable photo', async () => {
      const cut = (await phonePhoto()).subarray(0, 200)
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/uploads`,
        token: resident,
        ...multipart('file', 'cut.jpg', cut, 'image/jpeg'),
      })
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_FILE' })
      expect(res.body.message).toMatch(/照片无法读取/)
    })
  })

  it('issues a certificate whose PDF downloads, kept encrypted in the bucket', async () => {
    const applied = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/certificates/requests`,
      token: resident,
      body: {
        itemCode: 'residence',
        purpose: '孩子上小学报名',
        fields: { address: '一组 3 号', residentSince: '1988-05-01', tenure: '自有住房' },
      },
    })
    expect(applied.status).toBe(201)
    const id = applied.body.id
    const approved = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/certificates/requests/${id}/approve`,
      token: committee,
      body: {},
    })
    expect(approved.status).toBe(200)
    const url = `/api/villages/${ids.village}/certificates/requests/${id}/pdf`
    const first = await raw(url, resident)
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toBe('application/pdf')
    expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    // the second download reads the kept copy: the same document
    const second = await raw(url, committee)
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true)
    // a resident of another village is not let into this village's routes at all
    expect((await t.request({ method: 'GET', url, token: stranger })).status).toBe(403)

    const kept = await listKeys(`certificates/${ids.village}/`)
    expect(kept).toEqual([
      expect.stringMatching(
        new RegExp(`^certificates/${ids.village}/${approved.body.number}-[0-9a-f]{24}\\.pdf\\.enc$`),
      ),
    ])
    const blob = (await store.get(kept[0]!))!
    // ciphertext: neither a PDF nor the applicant's name
    expect(blob.includes(Buffer.from('%PDF'))).toBe(false)
    expect(blob.includes(Buffer.from('王秀英'))).toBe(false)
  })

  it('purges an abandoned upload from the bucket, thumbnail too', async () => {
    const png = await sharp({ create: { width: 30, height: 30, channels: 3, background: '#123456' } })
      .png()
      .toBuffer()
    const up = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/uploads`,
      token: resident,
      ...multipart('file', 'left.png', png, 'image/png'),
    })
    expect(up.status).toBe(201)
    const { storageKey, sha256 } = await row(up.body.id)
    expect(await store.exists(storageKey)).toBe(true)
    expect(await store.exists(thumbKey(sha256))).toBe(true)
    const counts = await t.app.get(Purges).runOnce(new Date(Date.now() + 30 * 24 * 3_600_000))
    expect(counts?.unattachedUploads).toBeGreaterThanOrEqual(1)
    expect(await store.exists(storageKey)).toBe(false)
    expect(await store.exists(thumbKey(sha256))).toBe(false)
  })

  async function listKeys(prefix: string): Promise<string[]> {
    const res = await fetch(`${s3.endpoint}/${s3.bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`)
    const xml = await res.text()
    return [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!)
  }
})
