import type { TestApp } from './app'

/**
 * Changes made the way an insider with database access would make them: raw SQL, past the
 * application. Each returns the way back, so a test restores exactly what was there.
 */
export type Row = Record<string, unknown>
export type Undo = () => Promise<void>

export function rawSql(t: TestApp) {
  const q = (name: string) => t.ds.driver.escape(name)
  const where = (w: Row) => {
    const keys = Object.keys(w)
    return { sql: keys.map((k) => `${q(k)} = ?`).join(' AND '), params: keys.map((k) => w[k]) }
  }
  const select = async (table: string, w: Row): Promise<Row[]> => {
    const c = where(w)
    return t.ds.query(`SELECT * FROM ${q(table)} WHERE ${c.sql}`, c.params)
  }
  const insert = async (table: string, row: Row): Promise<void> => {
    const keys = Object.keys(row)
    await t.ds.query(
      `INSERT INTO ${q(table)} (${keys.map(q).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
      keys.map((k) => row[k]),
    )
  }
  const remove = async (table: string, w: Row): Promise<void> => {
    const c = where(w)
    await t.ds.query(`DELETE FROM ${q(table)} WHERE ${c.sql}`, c.params)
  }
  const one = async (table: string, w: Row): Promise<Row> => {
    const rows = await select(table, w)
    if (rows.length !== 1) throw new Error(`${table} ${JSON.stringify(w)}: ${rows.length} rows`)
    return rows[0]!
  }
  return {
    select,
    one,
    /** Sets one column of one row; the undo puts the row back as it was. */
    async update(table: string, w: Row, column: string, value: (old: unknown) => unknown): Promise<Undo> {
      const before = await one(table, w)
      const next = value(before[column])
      if (String(next) === String(before[column])) throw new Error(`${table}.${column}: no change`)
      const c = where(w)
      await t.ds.query(`UPDATE ${q(table)} SET ${q(column)} = ? WHERE ${c.sql}`, [next, ...c.params])
      return async () => {
        await remove(table, column in w ? { ...w, [column]: next } : w)
        await insert(table, before)
      }
    },
    /** Adds a row; the undo removes it. */
    async insert(table: string, row: Row, key: Row): Promise<Undo> {
      await insert(table, row)
      return () => remove(table, key)
    },
    /** Removes a row; the undo puts it back with its own key. */
    async remove(table: string, w: Row): Promise<Undo> {
      const before = await one(table, w)
      await remove(table, w)
      return () => insert(table, before)
    },
    /** A copy of a row for a plausible insert: `drop` left out (an autoincrement id), `set` changed. */
    async copy(table: string, w: Row, set: Row, drop: string[] = []): Promise<Row> {
      const row = { ...(await one(table, w)), ...set }
      for (const k of drop) delete row[k]
      return row
    },
    /** Adds a row with an autoincrement id; returns the id and the undo. */
    async insertWithId(table: string, row: Row): Promise<{ id: number; undo: Undo }> {
      await insert(table, row)
      const [r] = await t.ds.query(`SELECT MAX(id) AS id FROM ${q(table)}`)
      const id = Number(r.id)
      return { id, undo: () => remove(table, { id }) }
    },
  }
}

/** The same datetime a day earlier, in the form the driver gave it (a Date on MySQL, text on SQLite). */
export function dayEarlier(old: unknown): unknown {
  if (old instanceof Date) return new Date(old.getTime() - 86_400_000)
  const s = String(old)
  const d = new Date(s.includes('T') ? s : `${s.replace(' ', 'T')}Z`)
  const shifted = new Date(d.getTime() - 86_400_000).toISOString()
  return s.includes('T') ? shifted : shifted.replace('T', ' ').replace('Z', '').slice(0, s.length)
}

/** One cell of a tamper matrix: a change to one table, and the record the verifier must name. */
export interface Case {
  table: string
  change: string
  /** makes the change; returns the undo and the record the verifier must name */
  apply: () => Promise<{ undo: Undo; record: string | number }>
}

export const plus =
  (n: number) =>
  (old: unknown): unknown =>
    old === null ? n : Number(old) + n
export const text =
  (suffix: string) =>
  (old: unknown): unknown =>
    `${String(old ?? '')}${suffix}`
export const is = (value: unknown) => () => value
export const flip = (old: unknown): unknown => (Number(old) ? 0 : 1)

type Record_ = () => string | number

/** Builders of cases; keys, values and records are read when a case runs, after the data exists. */
export function tamperCases(sqlOf: () => ReturnType<typeof rawSql>) {
  const update = (
    table: string,
    column: string,
    key: () => Row,
    value: (old: unknown) => unknown,
    record: Record_,
    label = '',
  ): Case => ({
    table,
    change: `UPDATE ${column}${label}`,
    apply: async () => ({ undo: await sqlOf().update(table, key(), column, value), record: record() }),
  })
  return {
    update,
    /** an UPDATE case per column */
    updates: (
      table: string,
      key: () => Row,
      record: Record_,
      columns: Record<string, (old: unknown) => unknown>,
    ): Case[] => Object.entries(columns).map(([c, v]) => update(table, c, key, v, record)),
    remove: (table: string, key: () => Row, record: Record_): Case => ({
      table,
      change: 'DELETE',
      apply: async () => ({ undo: await sqlOf().remove(table, key()), record: record() }),
    }),
    /** a copy of an existing row with an autoincrement id, changed by `set`; the record is the new id */
    insertCopy: (table: string, from: () => Row, set: () => Row, record?: Record_): Case => ({
      table,
      change: 'INSERT',
      apply: async () => {
        const sql = sqlOf()
        const { id, undo } = await sql.insertWithId(table, await sql.copy(table, from(), set(), ['id']))
        return { undo, record: record ? record() : id }
      },
    }),
    insertRow: (table: string, row: () => Row, key: () => Row, record: Record_): Case => ({
      table,
      change: 'INSERT',
      apply: async () => ({ undo: await sqlOf().insert(table, row(), key()), record: record() }),
    }),
  }
}
