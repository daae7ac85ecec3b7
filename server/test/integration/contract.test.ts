import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants'
import { RequestMethod } from '@nestjs/common'
import { ModulesContainer } from '@nestjs/core'
import { contractRoutes, type Route } from '@xiangli/shared'
import { ACCESS_KEY } from '../../src/core/auth/access.decorator'
import { ROUTE_KEY } from '../../src/core/http/route'
import { DIALECT, startTestApp, type TestApp } from '../support/app'

/**
 * Controllers still declaring their routes with Nest's own decorators. Each feature moves onto the
 * contract in turn; this list only shrinks, and goes when it is empty.
 */
const NOT_YET_ON_CONTRACT = new Set(['DeliberationsController'])

/**
 * Features a server serves only when started for tests: the test clock is mounted with TEST_CLOCK
 * alone. Their routes are served by one handler each when mounted, by none otherwise.
 */
const MOUNTED_WITH: Record<string, string> = { testClock: 'TEST_CLOCK' }

interface Handler {
  controller: string
  method: string
  path: string
  route: Route | undefined
  access: unknown
}

const join = (...parts: (string | undefined)[]) =>
  '/' +
  parts
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')

function handlers(t: TestApp): Handler[] {
  const out: Handler[] = []
  for (const mod of t.app.get(ModulesContainer).values())
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as (new (...a: never[]) => object) | null
      if (!type) continue
      const base = Reflect.getMetadata(PATH_METADATA, type) as string | undefined
      for (const key of Object.getOwnPropertyNames(type.prototype)) {
        const fn = (type.prototype as Record<string, unknown>)[key]
        if (typeof fn !== 'function' || key === 'constructor') continue
        const verb = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined
        if (verb === undefined) continue
        out.push({
          controller: type.name,
          method: RequestMethod[verb],
          path: join(base, Reflect.getMetadata(PATH_METADATA, fn) as string),
          route: Reflect.getMetadata(ROUTE_KEY, fn) as Route | undefined,
          access: Reflect.getMetadata(ACCESS_KEY, fn),
        })
      }
    }
  return out
}

describe.each([
  { server: 'a server', env: {} as Record<string, string> },
  { server: 'a server with TEST_CLOCK', env: { TEST_CLOCK: 'true' } },
])(`the route contract against $server on ${DIALECT}`, ({ env }) => {
  let t: TestApp
  let all: Handler[]
  beforeAll(async () => {
    t = await startTestApp(env)
    all = handlers(t)
  })
  afterAll(async () => t.close())

  /** Whether this server serves the feature's routes: all but those of features it was not started with. */
  const mounted = (feature: string) => {
    const flag = MOUNTED_WITH[feature]
    return flag === undefined || env[flag] === 'true'
  }
  const served = () => contractRoutes().filter(({ feature }) => mounted(feature))

  it('serves no route of a feature it was not started with', () => {
    const unmounted = contractRoutes().filter(({ feature }) => !mounted(feature))
    expect(unmounted.flatMap(({ route }) => all.filter((h) => h.route === route).map((h) => h.path))).toEqual(
      [],
    )
  })

  it('serves each route of the contract with exactly one handler, at its method and path', () => {
    for (const { feature, name, route } of served()) {
      const bound = all.filter((h) => h.route === route)
      expect({ route: `${feature}.${name}`, handlers: bound.length }).toEqual({
        route: `${feature}.${name}`,
        handlers: 1,
      })
      expect(`${bound[0]!.method} ${bound[0]!.path}`).toBe(`${route.method} ${route.path}`)
    }
  })

  it('guards each bound handler with the access rule its route declares', () => {
    for (const h of all.filter((x) => x.route))
      expect({ at: h.path, access: h.access }).toEqual({ at: h.path, access: h.route!.access })
  })

  it('registers each route of the contract with Fastify', () => {
    const fastify = t.app.getHttpAdapter().getInstance()
    for (const { route } of served())
      expect({
        route: route.path,
        found: fastify.hasRoute({ method: route.method, url: route.path }),
      }).toEqual({
        route: route.path,
        found: true,
      })
  })

  it('leaves no listed controller behind once it is on the contract', () => {
    const names = new Set(all.map((h) => h.controller))
    const moved = [...NOT_YET_ON_CONTRACT].filter(
      (c) => names.has(c) && all.filter((h) => h.controller === c).every((h) => h.route),
    )
    expect(moved).toEqual([])
  })
})
