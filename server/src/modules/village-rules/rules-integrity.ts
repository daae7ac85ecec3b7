import type { EntityManager } from 'typeorm'
import { digest, type ContentCheck } from '../../core/audit/audit.service'
import { byTarget, recordedEntries } from '../../core/audit/recorded'
import { RulesVersion } from './entities/rules-version.entity'
import { rulesHash } from './village-rules.rules'

export const ADOPTED_ACTION = 'village_rules.adopted'

/** What the chain records when a version is adopted, rebuilt from the row alone: its text by its hash. */
export const adoptedRecord = (
  v: Pick<RulesVersion, 'id' | 'kind' | 'number' | 'deliberationId' | 'text'>,
) => ({
  versionId: v.id,
  kind: v.kind,
  number: v.number,
  deliberationId: v.deliberationId,
  contentHash: rulesHash(v.text),
})

const adoptedRows = (m: EntityManager) =>
  m.getRepository(RulesVersion).find({
    where: [{ status: 'adopted' }, { status: 'superseded' }],
    order: { id: 'ASC' },
  })

/**
 * The audit verifier's check of 村规民约: every adopted (or since superseded) version's text still has
 * the hash its adoption recorded, and every adoption recorded still has its version.
 */
export const villageRulesCheck: ContentCheck = async (m) => {
  const entries = byTarget(await recordedEntries(m, [ADOPTED_ACTION]))
  const unseen = new Set(entries.keys())
  for (const v of await adoptedRows(m)) {
    unseen.delete(String(v.id))
    const label = `${v.kind === 'charter' ? '自治章程' : '村规民约'}第 ${v.number} 版（village_rules_version ${v.id}）`
    const entry = entries.get(String(v.id))?.at(-1)
    if (!entry)
      return {
        seq: 0,
        problem: `${label}没有通过记录，可能是私自添加的`,
        table: 'village_rules_version',
        recordId: v.id,
      }
    if (entry.afterDigest !== digest(adoptedRecord(v)))
      return {
        seq: entry.seq,
        problem: `${label}的全文与村民会议通过时的存档不一致`,
        table: 'village_rules_version',
        recordId: v.id,
      }
  }
  const [gone] = unseen
  if (gone === undefined) return null
  return {
    seq: entries.get(gone)!.at(-1)!.seq,
    problem: `已通过的村规民约（village_rules_version ${gone}）现在却不存在或不是已通过的状态了`,
    table: 'village_rules_version',
    recordId: gone,
  }
}
