import { randomUUID } from 'node:crypto'
import { DataSource } from 'typeorm'
import { addIsoDays, type AuditVerifyResult } from '@xiangli/shared'
import { verifyChain } from '../../src/cli/verify-chain'
import { DIALECT, startTestApp, villageIds, type TestApp } from '../support/app'
import { verifyOverHttp } from '../support/audit'
import { buildPublicFacts, type PublicFacts } from '../support/public-facts'
import { dayEarlier, flip, is, plus, rawSql, tamperCases, text, type Case, type Row } from '../support/tamper'

/**
 * Every table that holds a public fact, attacked by someone with database access: an UPDATE of each
 * column a reader relies on, an INSERT of a plausible row and a DELETE of a row. The audit verifier
 * must notice each, on the server (a check run started with POST /api/audit/verify-runs) and on the command line, and name the
 * table and the record. The matrix is printed at the end.
 */
describe(`the tamper matrix on ${DIALECT}`, () => {
  let t: TestApp
  let cli: DataSource
  let admin: string
  let F: PublicFacts
  let sql: ReturnType<typeof rawSql>
  const matrix: { table: string; change: string; server: string; cli: string }[] = []

  const serverVerify = (): Promise<AuditVerifyResult> => verifyOverHttp(t, admin)

  beforeAll(async () => {
    t = await startTestApp()
    admin = await t.login('admin')
    F = await buildPublicFacts(t, (await villageIds(t.ds)).village)
    sql = rawSql(t)
    cli = new DataSource(t.ds.options)
    await cli.initialize()
  })
  afterAll(async () => {
    const width = Math.max(...matrix.map((m) => m.table.length + m.change.length + 3))
    console.log(
      [
        `tamper matrix on ${DIALECT}: table × change → detected by the server / the command line`,
        ...matrix.map(
          (m) => `${`${m.table} × ${m.change}`.padEnd(width)}  server: ${m.server}  cli: ${m.cli}`,
        ),
        `${matrix.filter((m) => m.server.startsWith('detected') && m.cli.startsWith('detected')).length} of ${matrix.length} detected by both`,
      ].join('\n'),
    )
    await cli?.destroy()
    await t?.close()
  })

  // ---------- the cases ----------

  const { update, updates, remove, insertCopy, insertRow } = tamperCases(() => sql)

  const notice = () => ({ id: F.notice.id })
  const v1 = () => ({ id: F.notice.v1 })
  const secret = () => F.secretBallot.meetingId
  const open = () => F.openVote.meetingId
  const someBallot = async () =>
    (await sql.select('deliberation_secret_ballot', { meetingId: secret(), choice: 'no' }))[0]!.id as string
  let ballotId = ''
  /** the closed secret ballot's result, copied for a plausible result of the meeting still in session */
  let resultCopy: Row = {}

  const cases: Case[] = [
    // the live notice residents read, and the facts of its publication
    ...updates('public_notice', notice, () => F.notice.id, {
      title: text('（改）'),
      body: text('另有支出五万元。'),
      lines: is(JSON.stringify([{ kind: 'income', item: '土地租金', amountFen: 1 }])),
      totals: is(JSON.stringify({ totalIncomeFen: 1, totalExpenseFen: 830_001 })),
      attachmentIds: is('[999999]'),
      category: is('village'),
      state: is('draft'),
      version: plus(1),
      periodStart: (old) => addIsoDays(String(old), 1),
      periodEnd: (old) => addIsoDays(String(old), -1),
      publishedAt: dayEarlier,
      audienceGroupId: plus(1),
      requiresAck: flip,
      coversPeriod: is('2026-09'),
      deliberationId: plus(1),
      supervisionOpinion: is('同意。'),
    }),
    insertCopy('public_notice', notice, () => ({ title: '私自添加的公告' })),
    remove('public_notice', notice, () => F.notice.id),
    // the published versions
    ...updates('notice_version', v1, () => F.notice.v1, {
      title: text('（改）'),
      body: text('另有支出五万元。'),
      lines: is(JSON.stringify([{ kind: 'income', item: '土地租金', amountFen: 1 }])),
      totals: is(JSON.stringify({ totalIncomeFen: 1, totalExpenseFen: 830_001 })),
      attachments: is(JSON.stringify([{ fileId: 999999, sha256: '0'.repeat(64) }])),
      contentHash: is('0'.repeat(64)),
      version: plus(2),
      noticeId: plus(100000),
      createdAt: dayEarlier,
      createdByName: is('王五'),
    }),
    update(
      'notice_version',
      'reason',
      () => ({ id: F.notice.v2 }),
      text('（改）'),
      () => F.notice.v2,
    ),
    insertCopy(
      'notice_version',
      () => ({ id: F.notice.v2 }),
      () => ({ version: 3 }),
    ),
    remove(
      'notice_version',
      () => ({ id: F.notice.v2 }),
      () => F.notice.v2,
    ),
    // secret ballots: what was voted, never who
    {
      table: 'deliberation_secret_ballot',
      change: 'UPDATE choice',
      apply: async () => {
        ballotId = await someBallot()
        return {
          undo: await sql.update('deliberation_secret_ballot', { id: ballotId }, 'choice', is('yes')),
          record: secret(),
        }
      },
    },
    {
      table: 'deliberation_secret_ballot',
      change: 'UPDATE meetingId',
      apply: async () => {
        ballotId = await someBallot()
        return {
          undo: await sql.update(
            'deliberation_secret_ballot',
            { id: ballotId },
            'meetingId',
            () => F.inSession.meetingId,
          ),
          record: secret(),
        }
      },
    },
    insertRow(
      'deliberation_secret_ballot',
      () => ({ id: (ballotId = randomUUID()), meetingId: secret(), choice: 'yes' }),
      () => ({ id: ballotId }),
      secret,
    ),
    {
      table: 'deliberation_secret_ballot',
      change: 'DELETE',
      apply: async () => ({
        undo: await sql.remove('deliberation_secret_ballot', { id: await someBallot() }),
        record: secret(),
      }),
    },
    // turnout: who voted in the secret ballot
    update(
      'deliberation_turnout',
      'memberId',
      () => ({ meetingId: secret(), memberId: F.secretBallot.voted[0] }),
      () => F.secretBallot.present.at(-1),
      secret,
    ),
    insertRow(
      'deliberation_turnout',
      () => ({ meetingId: secret(), memberId: F.secretBallot.present.at(-1) }),
      () => ({ meetingId: secret(), memberId: F.secretBallot.present.at(-1) }),
      secret,
    ),
    remove(
      'deliberation_turnout',
      () => ({ meetingId: secret(), memberId: F.secretBallot.voted[0] }),
      secret,
    ),
    // open votes: who voted how
    update(
      'deliberation_open_vote',
      'choice',
      () => ({ meetingId: open(), memberId: F.openVote.voted[0] }),
      is('no'),
      open,
    ),
    update(
      'deliberation_open_vote',
      'memberId',
      () => ({ meetingId: open(), memberId: F.openVote.voted[0] }),
      () => F.openVote.present.at(-1),
      open,
    ),
    insertRow(
      'deliberation_open_vote',
      () => ({ meetingId: open(), memberId: F.openVote.present.at(-1), choice: 'yes' }),
      () => ({ meetingId: open(), memberId: F.openVote.present.at(-1) }),
      open,
    ),
    remove('deliberation_open_vote', () => ({ meetingId: open(), memberId: F.openVote.voted[0] }), open),
    // attendance: who came
    update(
      'deliberation_attendance',
      'memberId',
      () => ({ meetingId: open(), memberId: F.openVote.present[0] }),
      () => F.openVote.members.at(-1),
      open,
    ),
    update(
      'deliberation_attendance',
      'method',
      () => ({ meetingId: open(), memberId: F.openVote.present[0] }),
      is('paper'),
      open,
    ),
    insertCopy(
      'deliberation_attendance',
      () => ({ meetingId: open(), memberId: F.openVote.present[0] }),
      () => ({ memberId: F.openVote.members.at(-1) }),
      open,
    ),
    remove('deliberation_attendance', () => ({ meetingId: open(), memberId: F.openVote.present[0] }), open),
    // the stored result
    ...updates('deliberation_meeting_result', () => ({ meetingId: secret() }), secret, {
      outcome: (old) => (old === 'passed' ? 'failed' : 'passed'),
      reason: text('（改）'),
      due: plus(1),
      present: plus(1),
      householdsTotal: plus(1),
      householdsRepresented: plus(1),
      quorumBy: (old) => (old === 'persons' ? 'households' : 'persons'),
      yes: plus(5),
      no: plus(1),
      abstain: plus(1),
      online: is(JSON.stringify({ yes: 9, no: 0, abstain: 0 })),
      closedAt: dayEarlier,
    }),
    insertRow(
      'deliberation_meeting_result',
      () => ({ ...resultCopy, meetingId: F.inSession.meetingId }),
      () => ({ meetingId: F.inSession.meetingId }),
      () => F.inSession.meetingId,
    ),
    remove('deliberation_meeting_result', () => ({ meetingId: secret() }), secret),
    // the certificate a QR code verifies
    ...updates(
      'certificate_request',
      () => ({ id: F.certificates.issued }),
      () => F.certificates.issued,
      {
        applicantName: is('王五'),
        applicantResidentId: plus(1),
        itemCode: is('collective_member'),
        itemName: is('集体经济组织成员证明'),
        purpose: text('及贷款'),
        number: text('9'),
        verificationCode: is('ZZZZZZZZ'),
        issuedAt: dayEarlier,
        issuedYear: plus(-1),
        state: is('revoked'),
        villageId: plus(1),
        copies: plus(1),
        bodyEnc: text('0'),
        decidedByName: is('王五'),
      },
    ),
    update(
      'certificate_request',
      'state',
      () => ({ id: F.certificates.issued }),
      is('revoked'),
      () => F.certificates.issued,
      ' (issued → revoked)',
    ),
    update(
      'certificate_request',
      'state',
      () => ({ id: F.certificates.revoked }),
      is('issued'),
      () => F.certificates.revoked,
      ' (revoked → issued)',
    ),
    insertCopy(
      'certificate_request',
      () => ({ id: F.certificates.issued }),
      () => ({ number: '330106101201-2026-9999', verificationCode: 'ZZZZZZZZ' }),
    ),
    remove(
      'certificate_request',
      () => ({ id: F.certificates.issued }),
      () => F.certificates.issued,
    ),
    // the seal-use register
    ...updates(
      'seal_use_record',
      () => ({ id: F.seal.issued }),
      () => F.seal.issued,
      {
        at: dayEarlier,
        certificateNumber: text('9'),
        itemCode: is('collective_member'),
        itemName: is('集体经济组织成员证明'),
        copies: plus(1),
        approverName: is('王五'),
        handlerName: is('王五'),
        applicantName: is('王五'),
        applicantPhoneMasked: is('139****0000'),
        requestId: () => F.certificates.unissued,
        villageId: plus(1),
      },
    ),
    insertCopy(
      'seal_use_record',
      () => ({ id: F.seal.issued }),
      () => ({ requestId: F.certificates.unissued }),
    ),
    remove(
      'seal_use_record',
      () => ({ id: F.seal.issued }),
      () => F.seal.issued,
    ),
  ]

  it('starts from data both verifiers find whole', async () => {
    resultCopy = await sql.one('deliberation_meeting_result', { meetingId: secret() })
    const whole = { ok: true, firstBrokenSeq: null, problem: null, table: null, recordId: null }
    expect(await serverVerify()).toMatchObject(whole)
    expect(await verifyChain(cli)).toMatchObject(whole)
  })

  it.each(cases.map((c) => [`${c.table} × ${c.change}`, c] as const))(
    '%s is detected by the server and the command line, naming the table and the record',
    async (_, c) => {
      const { undo, record } = await c.apply()
      let server: AuditVerifyResult | null = null
      let line: AuditVerifyResult | null = null
      try {
        server = await serverVerify()
        line = await verifyChain(cli)
      } finally {
        await undo()
        const said = (r: AuditVerifyResult | null) =>
          r === null ? 'not run' : r.ok ? 'NOT DETECTED' : `detected (${r.table} ${r.recordId})`
        matrix.push({ table: c.table, change: c.change, server: said(server), cli: said(line) })
      }
      expect(server).toMatchObject({ ok: false, table: c.table, recordId: String(record) })
      expect(server!.problem).toMatch(/[\u4e00-\u9fff]/)
      expect(line).toEqual(server)
      // put back as it was, both find it whole again
      expect(await verifyChain(cli)).toMatchObject({ ok: true })
    },
  )
})
