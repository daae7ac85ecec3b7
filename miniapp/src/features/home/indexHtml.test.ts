/**
 * index.html's own scripts, run as the browser runs them before the app arrives: the early home
 * request must pick the village the app will show (logic/membership.ts), and the home's chunks are
 * asked for only when the home is what opens. Read from the template itself, so a change there is
 * tested here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import type { Me } from '@xiangli/shared'
import { activeMembership } from '@/logic/membership'

const html = readFileSync(join(__dirname, '../../index.html'), 'utf8')
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
const script = (marker: string) => {
  const found = scripts.find((s) => s.includes(marker))
  if (!found) throw new Error(`index.html has no script with ${marker}`)
  return found
}
const earlyHome = script('__xlEarlyHome')
const preload = script('xl:home-chunks')

type Membership = Me['memberships'][number]
const m = (orgId: number, orgKind: string): Membership => ({ orgId, orgKind }) as unknown as Membership

/** Runs the early-home script for a stored `me` on `hash`; the village it asked for, or null. */
function earlyVillage(me: Pick<Me, 'memberships' | 'preferences'> | null, hash = ''): number | null {
  const store: Record<string, string> = {
    'xl.tokens': JSON.stringify({ data: { accessToken: 'a' } }),
    ...(me ? { 'xl.me': JSON.stringify({ data: me }) } : {}),
  }
  const asked: string[] = []
  const window: Record<string, unknown> = {
    location: { hash },
    localStorage: { getItem: (k: string) => store[k] ?? null },
  }
  const fetch = (url: string) => {
    asked.push(url)
    return Promise.resolve({ ok: true, json: () => Promise.resolve({}) })
  }
  runInNewContext(earlyHome, { window, fetch, JSON, Date })
  const early = window.__xlEarlyHome as { villageId: number } | undefined
  if (!early) return null
  expect(asked).toEqual([`/api/villages/${early.villageId}/home`])
  return early.villageId
}

describe("index.html's scripts", () => {
  const cases: [string, Pick<Me, 'memberships' | 'preferences'>][] = [
    [
      'the chosen village',
      {
        memberships: [m(1, 'village'), m(2, 'village')],
        preferences: { activeOrgId: 2 } as Me['preferences'],
      },
    ],
    [
      'the first when none was chosen',
      {
        memberships: [m(5, 'village'), m(6, 'community')],
        preferences: { activeOrgId: null } as Me['preferences'],
      },
    ],
    [
      'the first when the chosen one is gone',
      {
        memberships: [m(7, 'community'), m(8, 'village')],
        preferences: { activeOrgId: 99 } as Me['preferences'],
      },
    ],
    [
      'a community',
      {
        memberships: [m(1, 'township'), m(3, 'community')],
        preferences: { activeOrgId: 3 } as Me['preferences'],
      },
    ],
  ]
  it.each(cases)('asks for the home of the village the app will show: %s', (_, me) => {
    expect(earlyVillage(me)).toBe(activeMembership(me)!.orgId)
  })

  it('asks nothing when the app will show no village home', () => {
    // a township official, someone with no membership, someone logged out, another page
    const township = { memberships: [m(1, 'township')], preferences: { activeOrgId: 1 } as Me['preferences'] }
    expect(earlyVillage(township)).toBeNull()
    expect(
      earlyVillage({ memberships: [], preferences: { activeOrgId: null } as Me['preferences'] }),
    ).toBeNull()
    expect(earlyVillage(null)).toBeNull()
    const village = { memberships: [m(1, 'village')], preferences: { activeOrgId: 1 } as Me['preferences'] }
    expect(earlyVillage(village, '#/pages/mine/index')).toBeNull()
    expect(earlyVillage(village, '#/pages/home/index')).toBe(1)
  })

  /** Runs the preload script with `files` in place of the build's list, on `hash`: the links it added. */
  function preloads(hash: string, files: string[]) {
    const added: { rel: string; as: string; href: string }[] = []
    const document = {
      createElement: () => ({}) as { rel: string; as: string; href: string },
      head: { appendChild: (l: { rel: string; as: string; href: string }) => added.push(l) },
    }
    const withList = preload.replace(/\/\*xl:home-chunks\*\/\s*\[\]/, () => JSON.stringify(files))
    expect(withList).not.toBe(preload)
    runInNewContext(withList, { document, location: { hash } })
    return added
  }

  it('asks for the home chunks beside app.js only when the home opens', () => {
    const files = ['/css/1.css', '/js/1.js']
    for (const hash of ['', '#/', '#/pages/home/index', '#/pages/home/index?x=1'])
      expect(preloads(hash, files)).toEqual([
        { rel: 'preload', as: 'style', href: '/css/1.css' },
        { rel: 'preload', as: 'script', href: '/js/1.js' },
      ])
    expect(preloads('#/pages/public/index', files)).toEqual([])
    expect(preloads('#/subpackages/points/pages/home/index', files)).toEqual([])
  })
})
