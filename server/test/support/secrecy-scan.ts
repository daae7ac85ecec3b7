import { createHash } from 'node:crypto'
import type { DataSource } from 'typeorm'

/**
 * Reading a whole database the way an insider with SQL access would, to look for anything that ties
 * a voter to a secret ballot. Everything is found from the catalogue (sqlite_master or
 * information_schema), never from a list of our tables, so a table added later is read too.
 */

export type Row = Record<string, unknown>

export async function tableNames(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    ds.options.type === 'better-sqlite3'
      ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
      : `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()`,
  )) as { name: string }[]
  return rows.map((r) => r.name).sort()
}

const quote = (ds: DataSource, name: string) =>
  ds.options.type === 'better-sqlite3' ? `"${name}"` : `\`${name}\``

/** Every row of a table, in the order the database gives them when asked for no order. */
export async function rowsOf(ds: DataSource, table: string, orderBy?: string): Promise<Row[]> {
  return (await ds.query(
    `SELECT * FROM ${quote(ds, table)}${orderBy ? ` ORDER BY ${quote(ds, orderBy)}` : ''}`,
  )) as Row[]
}

/** A cell as text: dates as ISO, buffers as hex, the rest as the driver returns it. */
export const text = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : String(v)

/** Every table with its rows serialised, to see which tables a piece of work wrote. */
export async function snapshot(ds: DataSource): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  for (const t of await tableNames(ds))
    out.set(
      t,
      new Set(
        (await rowsOf(ds, t)).map((r) =>
          JSON.stringify(r, (_, v: unknown) => (Buffer.isBuffer(v) ? text(v) : v)),
        ),
      ),
    )
  return out
}

/** The tables whose rows differ between two snapshots (a row added, removed or changed). */
export function changedTables(before: Map<string, Set<string>>, after: Map<string, Set<string>>): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names]
    .filter((t) => {
      const a = before.get(t) ?? new Set()
      const b = after.get(t) ?? new Set()
      return a.size !== b.size || [...b].some((r) => !a.has(r))
    })
    .sort()
}

/** The cell and, when the cell holds JSON, every string or number inside it. */
export function leaves(v: unknown): string[] {
  const cell = text(v)
  const out = [cell]
  if (typeof v === 'string' && /^[[{]/.test(v)) {
    try {
      const walk = (x: unknown): void => {
        if (x !== null && typeof x === 'object') for (const y of Object.values(x)) walk(y)
        else if (x !== null && x !== undefined) out.push(String(x))
      }
      walk(JSON.parse(v))
    } catch {
      // text that only looks like JSON
    }
  }
  return out
}

const ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'] as const

/**
 * What a store might keep of a ballot body instead of the body itself: the body and the choice
 * (as sent, as canonical JSON, framed with the method and path as the idempotency store frames
 * requests), base64 of each, and their md5, sha1, sha256 and sha512 in hex and base64, plus any
 * keyed hash the caller can compute (the server's blind index). Lower-cased for matching.
 */
export function bodyTraces(
  choices: readonly string[],
  paths: readonly string[],
  keyed: (s: string) => string,
): Map<string, string> {
  const out = new Map<string, string>()
  for (const choice of choices) {
    const bodies = [choice, JSON.stringify({ choice }), `{"choice": "${choice}"}`]
    const framed = bodies.flatMap((b) => [b, ...paths.flatMap((p) => [`POST ${p}\n${b}`, `POST ${p} ${b}`])])
    for (const s of framed) {
      const what = `${choice}: ${JSON.stringify(s)}`
      if (s.length > 12) out.set(s.toLowerCase(), what)
      out.set(Buffer.from(s).toString('base64').toLowerCase(), `base64 of ${what}`)
      out.set(keyed(s).toLowerCase(), `keyed hash of ${what}`)
      for (const a of ALGORITHMS) {
        const h = createHash(a).update(s)
        const d = h.copy().digest()
        out.set(d.toString('hex'), `${a} of ${what}`)
        out.set(d.toString('base64').toLowerCase(), `${a} (base64) of ${what}`)
        out.set(d.toString('base64url').toLowerCase(), `${a} (base64url) of ${what}`)
      }
    }
  }
  return out
}

/**
 * Whether what is stored about voters sorts them by their choice: voters grouped by their value (the
 * rows that name them); a group of two or more voters, all of one choice, next to other groups,
 * tells the choice of everyone in it. The test's voters are chosen so that nothing legitimate (a
 * household, being its head) lines up with their choices. Values unique to one voter (a random key,
 * a name) cannot be judged this way and are left to the other checks.
 */
export function sortsByChoice(valueOf: Map<number, string>, choiceOf: Map<number, string>): boolean {
  const groups = new Map<string, string[]>()
  for (const [voter, value] of valueOf)
    groups.set(value, [...(groups.get(value) ?? []), choiceOf.get(voter)!])
  // two or more voters share a value that only voters of one choice have
  return groups.size > 1 && [...groups.values()].some((c) => c.length > 1 && new Set(c).size === 1)
}
