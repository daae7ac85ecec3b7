import { z } from 'zod'
import { grievanceRoutes } from './grievances'
import { CERTIFICATE_CHECK_PATH } from '../certificates'
import { noticeRoutes } from './notices'
import { pageRoutes } from './pages'
import { access, paramNames, pathOf, route } from './route'

describe('route declarations', () => {
  it('answers 201 to a POST and 200 to anything else unless told otherwise', () => {
    const create = route<{ id: number }>()({
      method: 'POST',
      path: '/x',
      access: access.account(),
      summary: 's',
    })
    const read = route<{ id: number }>()({
      method: 'GET',
      path: '/x',
      access: access.account(),
      summary: 's',
    })
    const act = route<{ id: number }>()({
      method: 'POST',
      path: '/x/:id/act',
      access: access.account(),
      summary: 's',
      status: 200,
    })
    expect([create.status, read.status, act.status]).toEqual([201, 200, 200])
  })

  it('fills a path with its parameters, escaping what would change its shape', () => {
    expect(pathOf(grievanceRoutes.detail, { villageId: 3, id: 42 })).toBe('/api/villages/3/grievances/42')
    expect(pathOf({ path: '/api/certificates/:region/check' }, { region: 'a/b' })).toBe(
      '/api/certificates/a%2Fb/check',
    )
  })

  it('refuses to build a URL with a parameter missing', () => {
    expect(() => pathOf(grievanceRoutes.detail, { villageId: 3 })).toThrow('parameter id is missing')
  })

  it('lists the parameters of a path in order', () => {
    expect(paramNames('/api/villages/:villageId/deliberations/:id/meetings/:meetingId')).toEqual([
      'villageId',
      'id',
      'meetingId',
    ])
  })

  it('keeps a route’s schemas as given', () => {
    const body = z.object({ text: z.string() })
    const r = route<null>()({ method: 'PUT', path: '/t', access: access.admin(), summary: 's', body })
    expect(r.body).toBe(body)
    expect(r.access).toEqual({ kind: 'admin' })
  })

  it('names the form field of an upload, and leaves other routes without one', () => {
    const up = route<null>()({
      method: 'POST',
      path: '/u',
      access: access.admin(),
      summary: 's',
      upload: 'file',
    })
    const plain = route<null>()({ method: 'POST', path: '/p', access: access.admin(), summary: 's' })
    expect([up.upload, plain.upload]).toEqual(['file', undefined])
  })

  it('marks a page answered as HTML, and leaves every JSON route without the mark', () => {
    expect(pageRoutes.notice.html).toBe(true)
    expect(pageRoutes.certificateCheck.path).toBe(CERTIFICATE_CHECK_PATH)
    expect(noticeRoutes.publicRead.html).toBe(false)
  })

  it('carries a village rule’s own refusal code only where one is named', () => {
    expect(access.village(['committee_member'], { refusal: 'NOTICE_REPLY_NOT_ALLOWED' })).toEqual({
      kind: 'village',
      roles: ['committee_member'],
      township: false,
      refusal: 'NOTICE_REPLY_NOT_ALLOWED',
    })
    expect('refusal' in access.village(['committee_member'])).toBe(false)
  })
})

describe('the grievance contract', () => {
  const all = Object.values(grievanceRoutes)

  it('declares each method and path once', () => {
    const keys = all.map((r) => `${r.method} ${r.path}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('scopes every route to a village or a township named in its path', () => {
    for (const r of all) {
      if (r.access.kind === 'village') expect(paramNames(r.path)).toContain('villageId')
      else if (r.access.kind === 'township') expect(paramNames(r.path)).toContain('townshipId')
      else throw new Error(`${r.method} ${r.path} is neither village nor township scoped`)
    }
  })
})

describe('the notice contract', () => {
  const all = Object.values(noticeRoutes)

  it('declares each method and path once', () => {
    const keys = all.map((r) => `${r.method} ${r.path}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('scopes every route to a village or a township named in its path, but the share page', () => {
    for (const r of all) {
      if (r.access.kind === 'village') expect(paramNames(r.path)).toContain('villageId')
      else if (r.access.kind === 'township') expect(paramNames(r.path)).toContain('townshipId')
      else expect(r).toBe(noticeRoutes.publicRead)
    }
    expect(noticeRoutes.publicRead.access).toEqual({ kind: 'public' })
  })

  it('lets only the 两委 answer an objection, and tells anyone else of the village so in its own words', () => {
    expect(noticeRoutes.answer.access).toEqual({
      kind: 'village',
      roles: ['committee_member', 'party_secretary'],
      township: false,
      refusal: 'NOTICE_REPLY_NOT_ALLOWED',
    })
  })
})
