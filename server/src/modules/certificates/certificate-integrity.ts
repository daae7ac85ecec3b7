import type { EntityManager } from 'typeorm'
import { normalizeVerificationCode } from '@xiangli/shared'
import { digest, type ContentCheck, type ContentProblem } from '../../core/audit/audit.service'
import { byTarget, recordedEntries, recordsOneOf, type Recorded } from '../../core/audit/recorded'
import { requestsAfter, sealLinesAfter } from './certificates.repository'
import {
  ISSUE_ACTION,
  REVOKE_ACTION,
  SEAL_USE_ACTION,
  issuedRecord,
  legacyIssuedRecord,
  revokedRecord,
  sealUseRecord,
} from './certificate-records'
import type { CertificateRequest } from './entities/certificate-request.entity'

type Form = 'current' | 'legacy' | null

/** What the register check needs of a certificate the verifier has passed. */
type Issued = { form: Form } & Pick<CertificateRequest, 'number' | 'itemCode' | 'copies' | 'villageId'>

/** Which form of the issue record an entry holds for this row; null when the row matches neither. */
function issueForm(r: CertificateRequest, issue: Recorded): Form {
  if (recordsOneOf(issue, [issuedRecord(r)])) return 'current'
  if (recordsOneOf(issue, [legacyIssuedRecord(r)])) return 'legacy'
  return null
}

/** What is wrong with an issued (or revoked) certificate against its entries, or null. */
function certificateProblem(
  r: CertificateRequest,
  issue: Recorded | undefined,
  revoke: Recorded | undefined,
): { seq: number; problem: string } | null {
  const label = `证明 ${r.number ?? `（申请 ${r.id}）`}（certificate_request ${r.id}）`
  if (!issue) return { seq: 0, problem: `${label}没有出具记录，可能是私自添加的` }
  if (r.state !== 'issued' && r.state !== 'revoked')
    return { seq: issue.seq, problem: `${label}已经出具，现在却不是已出具的状态` }
  if (!issueForm(r, issue)) return { seq: issue.seq, problem: `${label}的内容与出具时的存档不一致` }
  if (r.state === 'revoked' && !revoke) return { seq: 0, problem: `${label}被标为作废，却没有作废记录` }
  if (r.state === 'issued' && revoke) return { seq: revoke.seq, problem: `${label}已经作废，却被改回了有效` }
  if (revoke && !recordsOneOf(revoke, [revokedRecord(r)]))
    return { seq: revoke.seq, problem: `${label}与作废时的存档不一致` }
  return null
}

/** The actions whose entries the public check reads about one certificate. */
export const ARCHIVE_ACTIONS = [ISSUE_ACTION, REVOKE_ACTION] as const

/**
 * For the public check: whether the certificate still matches what the chain recorded (its entries
 * with ARCHIVE_ACTIONS, in chain order), and whether a typed code is the one recorded at issue (so a
 * stored code changed since shows as such).
 */
export function certificateArchive(
  r: CertificateRequest,
  entries: readonly Recorded[],
): { matches: boolean; codeWasIssued: (typed: string) => boolean } {
  const last = (action: string) => entries.filter((e) => e.action === action).at(-1)
  const issue = last(ISSUE_ACTION)
  const revoke = last(REVOKE_ACTION)
  return {
    matches: certificateProblem(r, issue, revoke) === null,
    codeWasIssued: (typed) =>
      issue !== undefined &&
      digest(issuedRecord({ ...r, verificationCode: normalizeVerificationCode(typed) })) ===
        issue.afterDigest,
  }
}

const BATCH = 500

/**
 * The audit verifier's check of certificates and the seal-use register: every issued certificate
 * against its issue (and revocation) entry, every register line against its entry, and every entry
 * still backed by its row. Certificates issued before their content was recorded are checked against
 * the snapshot their entry holds, and their register lines against the certificate.
 */
export const certificatesCheck: ContentCheck = async (m) => {
  const entries = await recordedEntries(m, [ISSUE_ACTION, REVOKE_ACTION, SEAL_USE_ACTION])
  const aboutRequest = byTarget(entries.filter((e) => e.targetType === 'certificate_request'))
  const aboutSeal = new Map(entries.filter((e) => e.action === SEAL_USE_ACTION).map((e) => [e.targetId, e]))
  const last = (id: number, action: string) =>
    aboutRequest
      .get(String(id))
      ?.filter((e) => e.action === action)
      .at(-1)
  const issuedIds = new Set(entries.filter((e) => e.action === ISSUE_ACTION).map((e) => e.targetId))
  const forms = new Map<number, Issued>()

  let after = 0
  for (;;) {
    const rows = await requestsAfter(m, after, BATCH)
    if (rows.length === 0) break
    after = rows[rows.length - 1]!.id
    for (const r of rows) {
      const issue = last(r.id, ISSUE_ACTION)
      const looksIssued = r.number !== null || r.state === 'issued' || r.state === 'revoked'
      if (!looksIssued && !issue) continue
      issuedIds.delete(String(r.id))
      const found = certificateProblem(r, issue, last(r.id, REVOKE_ACTION))
      if (found) return { ...found, table: 'certificate_request', recordId: r.id }
      const { number, itemCode, copies, villageId } = r
      forms.set(r.id, { form: issueForm(r, issue!), number, itemCode, copies, villageId })
    }
  }
  const [gone] = issuedIds
  if (gone !== undefined)
    return {
      seq: last(Number(gone), ISSUE_ACTION)!.seq,
      problem: `已出具的证明（certificate_request ${gone}）现在却不存在了，可能被删除`,
      table: 'certificate_request',
      recordId: gone,
    }

  return sealRegisterProblem(m, aboutSeal, forms)
}

async function sealRegisterProblem(
  m: EntityManager,
  aboutSeal: Map<string, Recorded>,
  certificates: Map<number, Issued>,
): Promise<ContentProblem | null> {
  const unseen = new Set(aboutSeal.keys())
  let after = 0
  for (;;) {
    const rows = await sealLinesAfter(m, after, BATCH)
    if (rows.length === 0) break
    after = rows[rows.length - 1]!.id
    for (const s of rows) {
      unseen.delete(String(s.id))
      const label = `用印登记第 ${s.id} 条（seal_use_record ${s.id}）`
      const entry = aboutSeal.get(String(s.id))
      const fail = (seq: number, problem: string): ContentProblem => ({
        seq,
        problem,
        table: 'seal_use_record',
        recordId: s.id,
      })
      if (entry) {
        if (entry.afterDigest !== digest(sealUseRecord(s)))
          return fail(entry.seq, `${label}与登记时的存档不一致`)
        continue
      }
      // a line from before register lines were recorded: it must agree with its certificate
      const c = certificates.get(s.requestId)
      const agrees =
        c?.form === 'legacy' &&
        c.number === s.certificateNumber &&
        c.itemCode === s.itemCode &&
        c.copies === s.copies &&
        c.villageId === s.villageId
      if (!agrees) return fail(0, `${label}没有登记记录，可能是私自添加或改动的`)
    }
  }
  const [gone] = unseen
  if (gone !== undefined)
    return {
      seq: aboutSeal.get(gone)!.seq,
      problem: `用印登记第 ${gone} 条（seal_use_record ${gone}）已经不存在了，可能被删除`,
      table: 'seal_use_record',
      recordId: gone,
    }
  return null
}
