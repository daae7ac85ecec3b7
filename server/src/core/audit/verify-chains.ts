import type { EntityManager } from 'typeorm'
import type { AuditVerifyResult } from '@xiangli/shared'
import { GENESIS_HASH } from './chain-heads'
import { AuditEntry } from './entities/audit-entry.entity'
import { AuditHead } from './entities/audit-head.entity'
import { entryHash, type ContentCheck, type VerifyOptions } from './audit.service'

/** Where a whole pass ended on one chain: the next `sinceVerified` pass starts there. */
export interface Reached {
  chain: number
  link: number
  hash: string
}

const BATCH = 1000

/** Chain 0 holds every older entry and those about no organisation; the others are named by theirs. */
const prefix = (chain: number) => (chain === 0 ? '' : `组织 ${chain} 的留痕链`)
const chainName = (chain: number) => prefix(chain) || '留痕链'
/** "第 5 条", or "组织 3 的留痕链第 5 条" */
const where = (chain: number, link: number) => `${prefix(chain)}第 ${link} 条`

class Broken extends Error {
  constructor(
    readonly chain: number | null,
    readonly link: number | null,
    readonly seq: number | null,
    readonly problem: string,
    readonly table = 'audit_entry',
    readonly recordId: string | number | null = seq,
  ) {
    super(problem)
  }
}

/** An entry still fits when its own hash covers what it says. */
const fits = (e: AuditEntry) => {
  const { hash, seq: _seq, ...fields } = e
  return entryHash(fields) === hash
}

/**
 * Walks each chain link by link (through the (chain, link) index, a batch at a time) and then runs
 * the content checks. Throws nothing for a broken chain: it is reported in the result.
 */
export async function verifyChains(
  m: EntityManager,
  checks: readonly ContentCheck[],
  opts: VerifyOptions,
): Promise<{ result: AuditVerifyResult; reached: Reached[] }> {
  const state = { checked: 0 }
  const reached: Reached[] = []
  try {
    const heads = await m.getRepository(AuditHead).find({ order: { id: 'ASC' } })
    const known = new Set(heads.map((h) => h.id))
    const chains = (await m.query('SELECT DISTINCT chain FROM audit_entry')) as { chain: number | string }[]
    for (const { chain } of chains)
      if (!known.has(Number(chain)))
        throw new Broken(Number(chain), null, null, `${chainName(Number(chain))}的链头被删除`)
    for (const head of heads) reached.push(await walk(m, head, opts, state))
    for (const check of checks) {
      const found = await check(m)
      if (found) {
        const entry = found.seq ? await m.getRepository(AuditEntry).findOneBy({ seq: found.seq }) : null
        throw new Broken(
          entry?.chain ?? null,
          entry?.link ?? null,
          found.seq,
          found.problem,
          found.table,
          found.recordId,
        )
      }
    }
  } catch (e) {
    if (!(e instanceof Broken)) throw e
    const result: AuditVerifyResult = {
      ok: false,
      checked: state.checked,
      firstBrokenSeq: e.seq,
      chain: e.chain,
      link: e.link,
      problem: e.problem,
      table: e.table,
      recordId: e.recordId === null ? null : String(e.recordId),
    }
    return { result, reached: [] }
  }
  const result: AuditVerifyResult = {
    ok: true,
    checked: state.checked,
    firstBrokenSeq: null,
    chain: null,
    link: null,
    problem: null,
    table: null,
    recordId: null,
  }
  return { result, reached }
}

async function walk(
  m: EntityManager,
  head: AuditHead,
  opts: VerifyOptions,
  state: { checked: number },
): Promise<Reached> {
  const chain = head.id
  const repo = m.getRepository(AuditEntry)
  let link = 0
  let hash = GENESIS_HASH
  if (opts.sinceVerified && head.verifiedLink > 0) {
    const anchor = await repo.findOneBy({ chain, link: head.verifiedLink })
    if (!anchor)
      throw new Broken(chain, head.verifiedLink, null, `${where(chain, head.verifiedLink)}记录缺失`)
    if (anchor.hash !== head.verifiedHash || !fits(anchor))
      throw new Broken(chain, anchor.link, anchor.seq, `${where(chain, anchor.link)}记录的内容被改动过`)
    link = anchor.link
    hash = anchor.hash
  }
  for (;;) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('verification stopped')
    const batch = await repo
      .createQueryBuilder('e')
      .where('e.chain = :chain AND e.link > :link', { chain, link })
      .orderBy('e.link', 'ASC')
      .take(BATCH)
      .getMany()
    if (batch.length === 0) break
    for (const e of batch) {
      if (e.link !== link + 1) throw new Broken(chain, link + 1, null, `${where(chain, link + 1)}记录缺失`)
      if (e.prevHash !== hash)
        throw new Broken(chain, e.link, e.seq, `${where(chain, e.link)}记录与前一条衔接不上`)
      if (!fits(e) || (chain !== 0 && e.orgId !== chain))
        throw new Broken(chain, e.link, e.seq, `${where(chain, e.link)}记录的内容被改动过`)
      link = e.link
      hash = e.hash
      state.checked++
    }
    await opts.onProgress?.(state.checked)
  }
  if (head.lastSeq !== link || head.lastHash !== hash)
    throw new Broken(
      chain,
      link + 1,
      null,
      head.lastSeq > link
        ? `${prefix(chain)}最后 ${head.lastSeq - link} 条记录被删除`
        : `${chainName(chain)}的链头与记录对不上`,
    )
  return { chain, link, hash }
}
