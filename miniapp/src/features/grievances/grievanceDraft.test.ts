import {
  isBlankDraft,
  newDraft,
  restoreDraft,
  toCreateRequest,
  validateDraft,
  type GrievanceDraft,
} from './grievanceDraft'
import type { DraftPhoto } from '@/logic/photoDraft'

let n = 0
const newKey = () => `key-${++n}`
beforeEach(() => {
  n = 0
})

const CATEGORIES = ['环境卫生', '道路交通', '其他']

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

const filled = (overrides: Partial<GrievanceDraft> = {}): GrievanceDraft => ({
  ...newDraft(newKey),
  category: '道路交通',
  title: ' 桥头路坑 ',
  text: '桥头的路坑很深，晚上看不见。',
  ...overrides,
})

describe('a new draft', () => {
  it('has its own key, public by default, and counts as blank', () => {
    const d = newDraft(newKey)
    expect(d).toMatchObject({ key: 'key-1', visibility: 'public', photos: [] })
    expect(isBlankDraft(d)).toBe(true)
    expect(isBlankDraft({ ...d, title: '路灯' })).toBe(false)
  })
})

describe('sending the draft', () => {
  it('builds the request from the draft, trimmed, with the uploaded photos', () => {
    const d = filled({
      photos: [photo({ fileId: 7 })],
      location: { address: ' 桥头 ' },
      visibility: 'committee',
    })
    expect(validateDraft(d, CATEGORIES)).toEqual({
      ok: true,
      value: {
        category: '道路交通',
        title: '桥头路坑',
        text: '桥头的路坑很深，晚上看不见。',
        photoIds: [7],
        visibility: 'committee',
        location: { address: '桥头' },
      },
    })
  })

  it('sends a point picked on the map with its name', () => {
    const d = filled({ location: { lat: 30.2, lng: 120.1, address: '村委会' } })
    expect(toCreateRequest(d).location).toEqual({ lat: 30.2, lng: 120.1, address: '村委会' })
    expect(toCreateRequest(filled()).location).toBeUndefined()
  })

  it('asks for the category, the title and the text, in the shared words', () => {
    const result = validateDraft(newDraft(newKey), CATEGORIES)
    expect(result).toEqual({
      ok: false,
      errors: { category: '请选择分类', title: '请填写标题', text: '请填写要反映的事' },
    })
  })

  it('refuses a category the village does not use and a title that is too long', () => {
    const result = validateDraft(filled({ category: '农田水利', title: '路'.repeat(41) }), CATEGORIES)
    expect(result).toEqual({ ok: false, errors: { category: '请选择分类', title: '标题最多 40 个字' } })
  })

  it('waits for the photos', () => {
    const result = validateDraft(filled({ photos: [photo({ status: 'uploading' })] }), CATEGORIES)
    expect(result).toEqual({ ok: false, errors: { photos: '照片还在上传，请稍等' } })
  })
})

describe('a draft read back from the phone', () => {
  it('comes back as it was, with the same key', () => {
    const d = filled({ photos: [photo()], location: { lat: 1, lng: 2, address: 'x' } })
    expect(restoreDraft(JSON.parse(JSON.stringify(d)), { browser: false, newKey })).toEqual({
      draft: d,
      lostPhotos: 0,
    })
  })

  it('sends a photo that was on its way again, with its key', () => {
    const raw = filled({ photos: [photo({ status: 'uploading', fileId: null, progress: 40 })] })
    const back = restoreDraft(raw, { browser: false, newKey })!.draft.photos[0]!
    expect(back).toMatchObject({ key: 'p1', status: 'pending', progress: 0 })
  })

  it('in a browser, drops photos not sent yet, whose blob: links died with the page', () => {
    const raw = filled({
      photos: [
        photo({ localPath: 'blob:http://x/1' }),
        photo({ key: 'p2', localPath: 'blob:http://x/2', status: 'failed', fileId: null }),
      ],
    })
    const back = restoreDraft(raw, { browser: true, newKey })!
    expect(back.draft.photos.map((p) => p.key)).toEqual(['p1'])
    expect(back.lostPhotos).toBe(1)
  })

  it('mends what an older version left, and ignores what is not a draft', () => {
    expect(restoreDraft('nonsense', { browser: false, newKey })).toBeNull()
    const back = restoreDraft(
      { title: '路灯', visibility: 'everyone', photos: [{ nope: 1 }] },
      { browser: false, newKey },
    )!
    expect(back.draft).toMatchObject({
      key: 'key-1',
      title: '路灯',
      visibility: 'public',
      photos: [],
      category: '',
    })
  })
})
