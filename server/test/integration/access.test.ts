import { Controller, Get, Post } from '@nestjs/common'
import { TypeOrmModule } from '@nestjs/typeorm'
import { ERRORS } from '@xiangli/shared'
import { AppModule } from '../../src/app.module'
import { Access } from '../../src/core/auth/access.decorator'
import { loadConfig } from '../../src/core/config/config'
import { FilesService } from '../../src/core/files/files.service'
import { Org } from '../../src/modules/orgs/entities/org.entity'
import { VerificationRequest } from '../../src/modules/verification/entities/verification-request.entity'
import { defaultVillageSettings } from '@xiangli/shared'
import { DIALECT, multipart, startTestApp, TEST_ENV, villageIds, type TestApp } from '../support/app'
import { controllersInModuleGraph, liveControllers, routesOf, type RouteInfo } from '../support/routes'

// The route list is read from the module graph when the file loads, so each endpoint gets its own test.
// The database module has no routes; it is stubbed so this read registers no second data source.
const stubbedDatabase = jest.spyOn(TypeOrmModule, 'forRoot').mockReturnValue({ module: TypeOrmModule })
const ROUTES = routesOf(
  controllersInModuleGraph(AppModule.forRoot(loadConfig(TEST_ENV), { dialect: 'sqlite', url: ':memory:' })),
)
stubbedDatabase.mockRestore()
const PROTECTED = ROUTES.filter((r) => r.rule?.kind !== 'public')
const PUBLIC = ROUTES.filter((r) => r.rule?.kind === 'public')

const authRequired = (requestId = expect.any(String)) => ({
  code: 'AUTH_REQUIRED',
  message: ERRORS.AUTH_REQUIRED.message,
  requestId,
})

describe(`access rules on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number; township: number }
  const url = (r: RouteInfo) => r.path.replace(':villageId', String(ids.village)).replace(/:\w+/g, '1')

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
  })
  afterAll(async () => t.close())

  describe('the route walk', () => {
    it('finds the routes of every module', () => {
      expect(ROUTES.length).toBeGreaterThanOrEqual(20)
      expect(ROUTES.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([
          'GET /api/me',
          'POST /api/villages/:villageId/roster/import',
          'POST /api/audit/verify-runs',
          'GET /health',
        ]),
      )
    })

    it('walks the same controllers Nest started', () => {
      expect(routesOf(liveControllers(t.app))).toEqual(ROUTES)
    })

    it('builds each path the way the HTTP server registered it', () => {
      const fastify = t.app.getHttpAdapter().getInstance()
      expect(
        ROUTES.filter((r) => !fastify.hasRoute({ method: r.method, url: r.path })).map(
          (r) => `${r.method} ${r.path}`,
        ),
      ).toEqual([])
    })

    it('names every handler that has no @Access rule (there must be none)', () => {
      expect(
        ROUTES.filter((r) => r.rule === undefined).map((r) => `${r.handler} (${r.method} ${r.path})`),
      ).toEqual([])
    })

    it('would name a handler that forgot its @Access rule', () => {
      @Controller('probe')
      class ProbeController {
        @Get('open')
        @Access.public()
        open() {
          return 1
        }

        @Post('forgotten')
        forgotten() {
          return 2
        }
      }
      expect(
        routesOf([ProbeController])
          .filter((r) => !r.rule)
          .map((r) => r.handler),
      ).toEqual(['ProbeController.forgotten'])
    })

    it('keeps public only the routes that must work before login', () => {
      expect(PUBLIC.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
        [
          // every audit chain's head, for anyone to write down and compare later (audit.test.ts)
          'GET /api/audit/heads',
          'GET /api/auth/demo-people',
          // the public check a certificate's QR code opens (certificates.test.ts)
          'GET /api/certificates/verify',
          // a signed photo link works without a login; without one it asks for the token (files.test.ts)
          'GET /api/files/:id',
          // the 用户隐私保护指引 is read before one agrees to it, as JSON and as a page (privacy.test.ts)
          'GET /api/privacy/guide',
          'GET /privacy',
          // a published notice at its H5 share URL (notices.test.ts)
          'GET /api/public/notices/:id',
          // a village's 村规民约 and 自治章程 in force, in full (village-rules.test.ts)
          'GET /api/public/villages/:villageId/village-rules',
          // the same notice, a village's 公开栏 and the certificate check as plain pages (public-pages.test.ts)
          'GET /certificates/check',
          'GET /health',
          'GET /health/live',
          'GET /notices/:id',
          'POST /api/auth/demo',
          'POST /api/auth/logout',
          'POST /api/auth/refresh',
          'POST /api/auth/wechat',
          'GET /villages/:villageId/notices',
          // WeChat's message push with photo check results, refused unless signed with the token
          // (content-check.test.ts)
          'GET /api/wechat/push',
          'POST /api/wechat/push',
        ].sort(),
      )
    })
  })

  describe.each(PROTECTED.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_, route) => {
    it('should require authentication', async () => {
      const res = await t.request({ method: route.method, url: url(route) })
      expect(res.status).toBe(401)
      expect(res.body).toEqual(authRequired())
    })
  })

  it('refuses a token sent without the Bearer prefix as no login at all', async () => {
    const token = await t.login('resident')
    const res = await t.request({ method: 'GET', url: '/api/me', headers: { authorization: token } })
    expect(res.status).toBe(401)
    expect(res.body).toEqual(authRequired())
  })

  it('lets anyone reach the public routes without a token', async () => {
    // the photo route is reached through a signed link (files.test.ts); file 1 need not exist
    const publicUrl = (r: RouteInfo) =>
      r.path === '/api/files/:id' ? t.app.get(FilesService).signedUrl(1) : url(r)
    for (const r of PUBLIC) {
      const res = await t.request({
        method: r.method,
        url: publicUrl(r),
        ...(r.method === 'POST' ? { body: {} } : {}),
      })
      expect({ route: `${r.method} ${r.path}`, status: res.status }).not.toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
      })
    }
  })

  describe('a committee member of 柳林村 in 新华社区', () => {
    let token: string
    let pending: VerificationRequest
    beforeAll(async () => {
      token = await t.login('committee')
      pending = await t.ds
        .getRepository(VerificationRequest)
        .findOneByOrFail({ villageId: ids.community, state: 'pending' })
    })

    const outOfScope = (res: { status: number; body: any }) => {
      expect(res.status).toBe(403)
      expect(res.body).toEqual({
        code: 'OUT_OF_SCOPE',
        message: ERRORS.OUT_OF_SCOPE.message,
        requestId: expect.any(String),
      })
    }

    it('cannot list its residents', async () => {
      outOfScope(await t.request({ method: 'GET', url: `/api/villages/${ids.community}/residents`, token }))
    })

    it('cannot list or confirm its verifications', async () => {
      outOfScope(
        await t.request({ method: 'GET', url: `/api/villages/${ids.community}/verifications`, token }),
      )
      outOfScope(
        await t.request({
          method: 'POST',
          url: `/api/villages/${ids.community}/verifications/${pending.id}/confirm`,
          token,
        }),
      )
    })

    it('cannot import a roster', async () => {
      const body = multipart('file', 'roster.csv', Buffer.from('户号,姓名,身份证号\n'), 'text/csv')
      outOfScope(
        await t.request({
          method: 'POST',
          url: `/api/villages/${ids.community}/roster/import`,
          token,
          ...body,
        }),
      )
    })

    it('cannot assign roles', async () => {
      const someone = await t.ds.query(`SELECT id FROM resident WHERE name = '曹丽娟'`)
      outOfScope(
        await t.request({
          method: 'POST',
          url: `/api/villages/${ids.community}/roles`,
          token,
          body: { residentId: someone[0].id, role: 'representative' },
        }),
      )
    })

    it('cannot confirm its pending verification through the URL of 柳林村', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/verifications/${pending.id}/confirm`,
        token,
      })
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('NOT_FOUND')
      expect(await t.ds.getRepository(VerificationRequest).findOneByOrFail({ id: pending.id })).toMatchObject(
        { state: 'pending', decidedAt: null },
      )
    })
  })

  describe('a plain resident of 柳林村', () => {
    let token: string
    beforeAll(async () => {
      token = await t.login('resident')
    })

    it.each([
      ['GET', 'residents'],
      ['GET', 'households'],
      ['GET', 'verifications'],
      ['GET', 'audit'],
      ['GET', 'roster/template'],
      ['POST', 'roles'],
      ['PUT', 'settings'],
    ] as const)('gets FORBIDDEN on the committee route %s %s of her own village', async (method, path) => {
      const res = await t.request({
        method,
        url: `/api/villages/${ids.village}/${path}`,
        token,
        ...(method === 'GET' ? {} : { body: {} }),
      })
      expect(res.status).toBe(403)
      expect(res.body).toEqual({
        code: 'FORBIDDEN',
        message: ERRORS.FORBIDDEN.message,
        requestId: expect.any(String),
      })
    })

    it('reaches the resident routes of her own village', async () => {
      expect(
        (await t.request({ method: 'GET', url: `/api/villages/${ids.village}/home`, token })).status,
      ).toBe(200)
      expect(
        (await t.request({ method: 'GET', url: `/api/villages/${ids.village}/roles`, token })).status,
      ).toBe(200)
      expect((await t.request({ method: 'GET', url: `/api/villages/${ids.village}`, token })).status).toBe(
        200,
      )
    })

    it('can make only her own village the active one', async () => {
      const patch = (activeOrgId: number) =>
        t.request({ method: 'PATCH', url: '/api/me/preferences', token, body: { activeOrgId } })
      const other = await patch(ids.community)
      expect(other.status).toBe(403)
      expect(other.body.code).toBe('OUT_OF_SCOPE')
      const own = await patch(ids.village)
      expect(own.status).toBe(200)
      expect(own.body).toMatchObject({ activeOrgId: ids.village })
    })

    it('is out of scope in the other community', async () => {
      const res = await t.request({ method: 'GET', url: `/api/villages/${ids.community}/home`, token })
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('OUT_OF_SCOPE')
    })
  })

  describe('the newcomer before verification', () => {
    let token: string
    beforeAll(async () => {
      token = await t.login('newcomer')
    })

    it.each(['/home', '/roles', ''])(
      'gets NOT_VERIFIED on the resident route /api/villages/:villageId%s',
      async (path) => {
        const res = await t.request({ method: 'GET', url: `/api/villages/${ids.village}${path}`, token })
        expect(res.status).toBe(403)
        expect(res.body).toEqual({
          code: 'NOT_VERIFIED',
          message: ERRORS.NOT_VERIFIED.message,
          requestId: expect.any(String),
        })
      },
    )

    it('still reaches the routes of any account', async () => {
      expect((await t.request({ method: 'GET', url: '/api/me', token })).body).toMatchObject({
        verified: false,
        memberships: [],
      })
      expect((await t.request({ method: 'GET', url: '/api/orgs/villages', token })).status).toBe(200)
    })
  })

  describe('the township official of 柳林镇', () => {
    let token: string
    let outside: Org
    beforeAll(async () => {
      token = await t.login('township')
      const orgs = t.ds.getRepository(Org)
      const county = await orgs.findOneByOrFail({ kind: 'county' })
      const otherTownship = await orgs.save({
        kind: 'township' as const,
        name: '河口镇',
        code: '330106102',
        parentId: county.id,
        settings: null,
      })
      outside = await orgs.save({
        kind: 'village' as const,
        name: '河口村',
        code: '330106102201',
        parentId: otherTownship.id,
        settings: defaultVillageSettings('village'),
      })
    })

    it('reads the residents of both villages in the township', async () => {
      const village = await t.request({ method: 'GET', url: `/api/villages/${ids.village}/residents`, token })
      const community = await t.request({
        method: 'GET',
        url: `/api/villages/${ids.community}/residents`,
        token,
      })
      expect([village.status, community.status]).toEqual([200, 200])
      expect(village.body.total).toBe(42)
      expect(community.body.total).toBe(18)
    })

    it('cannot read the residents of a village in another township', async () => {
      const res = await t.request({ method: 'GET', url: `/api/villages/${outside.id}/residents`, token })
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('OUT_OF_SCOPE')
    })

    it('cannot import a roster even in the township, which is for the committee only', async () => {
      const body = multipart('file', 'roster.csv', Buffer.from('户号,姓名,身份证号\n'), 'text/csv')
      const res = await t.request({
        method: 'POST',
        url: `/api/villages/${ids.village}/roster/import`,
        token,
        ...body,
      })
      expect(res.status).toBe(403)
    })
  })

  describe('village routes', () => {
    it('answer ORG_NOT_FOUND for a village that does not exist', async () => {
      const token = await t.login('secretary')
      const res = await t.request({ method: 'GET', url: '/api/villages/999999/residents', token })
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('ORG_NOT_FOUND')
    })

    it('answer ORG_NOT_A_VILLAGE for the township itself', async () => {
      const token = await t.login('township')
      const res = await t.request({ method: 'GET', url: `/api/villages/${ids.township}/residents`, token })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('ORG_NOT_A_VILLAGE')
    })

    it('let the system admin into the audit check but not a committee member', async () => {
      const start = (token: string) =>
        t.request({ method: 'POST', url: '/api/audit/verify-runs', token, body: { mode: 'full' } })
      expect((await start(await t.login('admin'))).status).toBe(201)
      const res = await start(await t.login('secretary'))
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('FORBIDDEN')
    })
  })
})
