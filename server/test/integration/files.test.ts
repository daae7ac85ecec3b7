import sharp from 'sharp'
import { createHmac, hkdfSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jwt from 'jsonwebtoken'
import { ERRORS, type GrievanceView } from '@xiangli/shared'
import { FILE_LINK_TTL_SECONDS, FilesService } from '../../src/core/files/files.service'
import { DIALECT, multipart, startTestApp, TEST_ENV, villageIds, type TestApp } from '../support/app'
import { png } from '../support/images'

/**
 * Signed photo links: `<Image src>` on the phone and `<img>` in a browser cannot send the login token,
 * so the views hand out `/api/files/:id?exp=…&sig=…`, which works without one for about an hour.
 */
describe(`signed photo links on ${DIALECT}`, () => {
  let t: TestApp
  let uploads: string
  let ids: { village: number; community: number; township: number }
  let resident: string
  let neighbour: string
  let committee: string
  let files: FilesService

  const get = (url: string, token?: string) => t.request({ method: 'GET', url, ...(token ? { token } : {}) })
  /** GET without any login, with the raw bytes */
  const fetchBytes = (url: string) => t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url })
  const upload = async (token: string, bytes: Buffer): Promise<{ id: number; url: string }> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/uploads`,
      token,
      ...multipart('file', 'photo.png', bytes, 'image/png'),
    })
    expect(res.status).toBe(201)
    return res.body
  }
  /** Photos are kept re-encoded: the same picture, not the same bytes. */
  const samePicture = async (a: Buffer, b: Buffer) =>
    (await sharp(a).raw().toBuffer()).equals(await sharp(b).raw().toBuffer())
  const parts = (url: string) => {
    const u = new URL(url, 'http://x')
    return { path: u.pathname, exp: u.searchParams.get('exp')!, sig: u.searchParams.get('sig')! }
  }
  const expectNotFound = (res: { status: number; body: any }) => {
    expect(res.status).toBe(404)
    expect(res.body).toEqual({
      code: 'NOT_FOUND',
      message: ERRORS.NOT_FOUND.message,
      requestId: expect.any(String),
    })
  }
  const raise = async (token: string, o: Record<string, unknown>): Promise<GrievanceView> => {
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/grievances`,
      token,
      body: { category: '环境卫生', title: '照片链接测试', text: '门口的垃圾没人清。', ...o },
    })
    expect(res.status).toBe(201)
    return res.body
  }

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'xiangli-file-links-'))
    t = await startTestApp({ UPLOAD_DIR: uploads })
    ids = await villageIds(t.ds)
    ;[resident, neighbour, committee] = await Promise.all(
      ['resident', 'representative', 'committee'].map((k) => t.login(k)),
    )
    files = t.app.get(FilesService)
  })
  afterAll(async () => {
    await t.close()
    rmSync(uploads, { recursive: true, force: true })
  })

  it('keeps a phone photo on disk without its EXIF and GPS position, with a thumbnail', async () => {
    const original = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#c83232' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'XiangliCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer()
    expect((await sharp(original).metadata()).exif?.includes(Buffer.from('XiangliCam'))).toBe(true)
    const res = await t.request({
      method: 'POST',
      url: `/api/villages/${ids.village}/uploads`,
      token: resident,
      ...multipart('file', 'phone.jpg', original, 'image/jpeg'),
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ mime: 'image/jpeg', width: 20, height: 40 })
    const [{ storageKey, sha256 }] = await t.ds.query(
      'SELECT storageKey, sha256 FROM stored_file WHERE id = ?',
      [res.body.id],
    )
    const stored = readFileSync(join(uploads, storageKey))
    const m = await sharp(stored).metadata()
    expect({ exif: m.exif, orientation: m.orientation }).toEqual({ exif: undefined, orientation: undefined })
    expect(stored.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false)
    expect(stored.includes(Buffer.from('XiangliCam'))).toBe(false)
    const thumb = await fetchBytes(`${res.body.url}&size=thumb`)
    expect(thumb.headers['content-type']).toBe('image/webp')
    expect(
      thumb.rawPayload.equals(readFileSync(join(uploads, 'thumbs', sha256.slice(0, 2), `${sha256}.webp`))),
    ).toBe(true)
  })

  describe('a link the server handed out', () => {
    const bytes = png(3, 2)
    let photo: { id: number; url: string }
    beforeAll(async () => {
      photo = await upload(resident, bytes)
    })

    it('comes with the upload and shows the photo without a login', async () => {
      expect(parts(photo.url).path).toBe(`/api/files/${photo.id}`)
      const res = await fetchBytes(photo.url)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('image/png')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(await samePicture(res.rawPayload, bytes)).toBe(true)
    })

    it('lasts about an hour, rounded up so a reloaded page gets the same link', async () => {
      const exp = Number(parts(photo.url).exp)
      const now = Date.now() / 1000
      expect(exp).toBeGreaterThanOrEqual(Math.floor(now) + FILE_LINK_TTL_SECONDS - 5)
      expect(exp).toBeLessThanOrEqual(now + FILE_LINK_TTL_SECONDS + 600)
      expect(exp % 600).toBe(0)
      const at = (exp - FILE_LINK_TTL_SECONDS - 300) * 1000
      expect(files.signedUrl(photo.id, at)).toBe(files.signedUrl(photo.id, at + 60_000))
    })

    it('comes with the photos of an issue, its timeline and the public wall, for those who see them', async () => {
      const g = await raise(resident, { photoIds: [photo.id] })
      expect(g.photoUrls).toHaveLength(1)
      expect(g.timeline[0]!.photoUrls).toEqual([])
      const reply = await upload(resident, png(2, 2))
      const replied = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/grievances/${g.id}/replies`,
        token: resident,
        body: { text: '再补一张照片。', photoIds: [reply.id] },
      })
      expect(replied.status).toBe(200)
      const timelineLink: string = replied.body.timeline.at(-1).photoUrls[0]
      expect(parts(timelineLink).path).toBe(`/api/files/${reply.id}`)
      expect((await fetchBytes(timelineLink)).statusCode).toBe(200)

      const wall = await get(`/api/villages/${ids.village}/grievances/public?pageSize=100`, neighbour)
      const onWall = wall.body.items.find((i: { id: number }) => i.id === g.id)
      expect(parts(onWall.photoUrls[0]).path).toBe(`/api/files/${photo.id}`)
      const res = await fetchBytes(onWall.photoUrls[0])
      expect(res.statusCode).toBe(200)
      expect(await samePicture(res.rawPayload, bytes)).toBe(true)
    })

    it('does not open another file', async () => {
      const other = await upload(resident, png(4, 4))
      const { exp, sig } = parts(photo.url)
      expectNotFound(await get(`/api/files/${other.id}?exp=${exp}&sig=${sig}`))
    })

    it('does not open a file that does not exist, and says so the same way', async () => {
      expectNotFound(await get(files.signedUrl(999_999)))
    })
  })

  describe('a link that is wrong, altered or expired', () => {
    let photo: { id: number; url: string }
    let exp: string
    let sig: string
    beforeAll(async () => {
      photo = await upload(resident, png(5, 2))
      ;({ exp, sig } = parts(photo.url))
    })
    const at = (query: string) => get(`/api/files/${photo.id}?${query}`)

    it('is a 404 with a changed signature', async () => {
      const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
      expectNotFound(await at(`exp=${exp}&sig=${flipped}`))
    })

    it('is a 404 with a later expiry than was signed', async () => {
      expectNotFound(await at(`exp=${Number(exp) + 3600}&sig=${sig}`))
    })

    it('is a 404 once expired, however well signed', async () => {
      const twoHoursAgo = Date.now() - 2 * 3600_000
      const expired = files.signedUrl(photo.id, twoHoursAgo)
      expect(Number(parts(expired).exp) * 1000).toBeLessThan(Date.now())
      expectNotFound(await get(expired))
      // with a login that may see the file, an expired link is still refused rather than quietly accepted
      expectNotFound(await get(expired, resident))
    })

    it('is a 404 when signed with another key', async () => {
      const key = Buffer.from(
        hkdfSync(
          'sha256',
          'another-secret-that-is-long-enough-000000',
          Buffer.alloc(0),
          'xiangli:file-links',
          32,
        ),
      )
      const forged = createHmac('sha256', key).update(`${photo.id}.${exp}`).digest('base64url')
      expectNotFound(await at(`exp=${exp}&sig=${forged}`))
    })

    it('is a 404 with half a link or a malformed one', async () => {
      for (const query of [
        `exp=${exp}`,
        `sig=${sig}`,
        `exp=${exp}&sig=`,
        `exp=soon&sig=${sig}`,
        `exp=${exp}&sig=${sig}x`,
        `exp=${exp}&sig=${sig.slice(0, -1)}+`,
        `exp=${exp}&exp=${exp}&sig=${sig}`,
      ])
        expectNotFound(await at(query))
    })
  })

  describe('without a link', () => {
    let photo: { id: number; url: string }
    beforeAll(async () => {
      photo = await upload(resident, png(6, 1))
    })
    const path = () => `/api/files/${photo.id}`

    it('should require authentication', async () => {
      const res = await get(path())
      expect(res.status).toBe(401)
      expect(res.body).toEqual({
        code: 'AUTH_REQUIRED',
        message: ERRORS.AUTH_REQUIRED.message,
        requestId: expect.any(String),
      })
    })

    it('says when the login expired, so the app can refresh it', async () => {
      const accountId = (await get('/api/me', resident)).body.accountId
      const expired = jwt.sign(
        { typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 },
        TEST_ENV.JWT_SECRET!,
        {
          algorithm: 'HS256',
          subject: String(accountId),
        },
      )
      const res = await get(path(), expired)
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'AUTH_TOKEN_EXPIRED' })
    })

    it('shows the file to those who may see it, and is a 404 for the others', async () => {
      expect((await get(path(), resident)).status).toBe(200)
      // not attached to anything yet: only its uploader sees it
      expectNotFound(await get(path(), committee))
      expectNotFound(await get(path(), neighbour))
    })
  })
})
