import type { DraftPhoto } from '@/logic/photoDraft'
import { consentBody, forQuery, objectableNotices, onBehalf, proxyFor } from './proxy'

const photo = (fileId: number | null): DraftPhoto =>
  ({
    key: 'k',
    localPath: 'blob:x',
    status: fileId ? 'done' : 'uploading',
    progress: 0,
    fileId,
    url: null,
  }) as DraftPhoto

describe('proxyFor', () => {
  it('reads the resident a form is filled for from the query, and nothing from a plain form', () => {
    expect(proxyFor({ for: '12', forName: encodeURIComponent('王德福') })).toEqual({
      residentId: 12,
      name: '王德福',
    })
    expect(proxyFor({})).toBeNull()
    expect(proxyFor({ for: 'abc' })).toBeNull()
    expect(forQuery({ residentId: 12, name: '王德福' })).toEqual({ for: 12, forName: '王德福' })
  })
})

describe('the consent step', () => {
  it('needs the resident to type their own name and tick the box', () => {
    expect(consentBody({ kind: 'on_device', typedName: '', agreed: false }, '王德福').ok).toBe(false)
    const wrong = consentBody({ kind: 'on_device', typedName: '王德', agreed: true }, '王德福')
    expect(wrong).toEqual({ ok: false, problem: expect.stringContaining('不一致') })
    expect(consentBody({ kind: 'on_device', typedName: ' 王德福 ', agreed: true }, '王德福')).toEqual({
      ok: true,
      consent: { kind: 'on_device', typedName: '王德福', agreed: true },
    })
  })

  it('takes a photo of the signed form once it is uploaded', () => {
    expect(consentBody({ kind: 'paper', photos: [] }, '王德福').ok).toBe(false)
    expect(consentBody({ kind: 'paper', photos: [photo(null)] }, '王德福').ok).toBe(false)
    expect(consentBody({ kind: 'paper', photos: [photo(9)] }, '王德福')).toEqual({
      ok: true,
      consent: { kind: 'paper', photoId: 9 },
    })
  })

  it('makes the body’s onBehalf for the resident', () => {
    expect(onBehalf({ residentId: 3, name: '王德福' }, { kind: 'paper', photos: [photo(4)] })).toEqual({
      ok: true,
      value: { residentId: 3, consent: { kind: 'paper', photoId: 4 } },
    })
  })
})

describe('objectableNotices', () => {
  const n = (
    id: number,
    state: 'published' | 'ended' | 'draft',
    start: string | null,
    end: string | null,
  ) => ({
    id,
    state,
    periodStart: start,
    periodEnd: end,
  })

  it('offers the published notices whose publicity period includes today, its first and last day too', () => {
    const items = [
      n(1, 'published', '2026-12-01', '2026-12-10'),
      n(2, 'published', '2026-12-06', '2026-12-06'),
      n(3, 'published', '2026-12-07', '2026-12-17'),
      n(4, 'ended', '2026-11-01', '2026-11-10'),
      n(5, 'published', null, null),
      n(6, 'draft', '2026-12-01', '2026-12-10'),
    ]
    expect(objectableNotices(items, '2026-12-06').map((x) => x.id)).toEqual([1, 2])
    expect(objectableNotices(items, '2026-12-10').map((x) => x.id)).toEqual([1, 3])
  })
})
