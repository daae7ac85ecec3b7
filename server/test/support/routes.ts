import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common'
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants'
import { MetadataScanner, ModulesContainer } from '@nestjs/core'
import type { INestApplication } from '@nestjs/common'
import { ACCESS_KEY, type AccessRule } from '../../src/core/auth/access.decorator'

export interface RouteInfo {
  /** Controller.method, to name a handler in a failure */
  handler: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** the path as registered, e.g. /api/villages/:villageId/home */
  path: string
  rule: AccessRule | undefined
}

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? ['/'] : Array.isArray(v) ? v : [v]
const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')

/** Every route the given controllers declare, with the @Access rule the guard would read. */
export function routesOf(controllers: Iterable<Type>): RouteInfo[] {
  const scanner = new MetadataScanner()
  const routes: RouteInfo[] = []
  for (const controller of new Set(controllers)) {
    const proto = controller.prototype as Record<string, unknown>
    for (const name of scanner.getAllMethodNames(proto)) {
      const fn = proto[name] as object
      const paths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined
      if (paths === undefined) continue
      const method = RequestMethod[
        Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod
      ] as RouteInfo['method']
      // the guard reads the handler first, then the class (getAllAndOverride)
      const rule = (Reflect.getMetadata(ACCESS_KEY, fn) ?? Reflect.getMetadata(ACCESS_KEY, controller)) as
        AccessRule | undefined
      for (const prefix of asList(Reflect.getMetadata(PATH_METADATA, controller)))
        for (const path of asList(paths))
          routes.push({ handler: `${controller.name}.${name}`, method, path: join(prefix, path), rule })
    }
  }
  return routes.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method))
}

/** The controllers of a module graph, read from its metadata without starting anything. */
export function controllersInModuleGraph(root: Type | DynamicModule): Type[] {
  const seen = new Set<unknown>()
  const found: Type[] = []
  const visit = (m: unknown): void => {
    if (!m || seen.has(m) || m instanceof Promise) return
    seen.add(m)
    const dynamic = typeof m === 'object' && 'module' in (m as object) ? (m as DynamicModule) : null
    const cls = (dynamic ? dynamic.module : m) as Type
    found.push(
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) as Type[] | undefined) ?? []),
      ...((dynamic?.controllers as Type[] | undefined) ?? []),
    )
    for (const i of [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) as unknown[] | undefined) ?? []),
      ...(dynamic?.imports ?? []),
    ])
      visit(i)
  }
  visit(root)
  return [...new Set(found)]
}

/** The controllers Nest actually instantiated in a running app. */
export function liveControllers(app: INestApplication): Type[] {
  const found = new Set<Type>()
  for (const mod of app.get(ModulesContainer).values())
    for (const wrapper of mod.controllers.values()) found.add(wrapper.metatype as Type)
  return [...found]
}
