import { checkNumberSequence } from '@xiangli/shared'
import { AppException } from '../../src/core/errors/app.exception'
import { RESIDENCE, VILLAGE, acting, certificateWorld } from './support/certificates'

/** 王秀英 (resident), 张丽 (committee member, a resident too), 李建华 (party secretary). */
const resident = acting(11, ['resident'], 101)
const member = acting(12, ['committee_member', 'resident'], 102)
const secretary = acting(13, ['party_secretary'], 103)

const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p
  } catch (e) {
    if (e instanceof AppException) return e.code
    throw e
  }
  throw new Error('it was not refused')
}

describe('approving a certificate request', () => {
  it('issues on the approval of a committee member other than the applicant, who is named as its issuer', async () => {
    const w = certificateWorld()
    const { id } = await w.residents.apply(resident, RESIDENCE)
    const issued = await w.approval.approve(member, id)
    expect(issued).toEqual(
      expect.objectContaining({
        state: 'issued',
        number: `${VILLAGE.code}-2026-0001`,
        decidedByName: '账号12',
      }),
    )
    expect(w.db.lines).toEqual([
      expect.objectContaining({ requestId: id, approverName: '账号12', handlerName: '账号12' }),
    ])
    expect(w.db.entries.map((e) => e.action)).toEqual([
      'certificate.requested',
      'certificate.issued',
      'certificate.seal_used',
    ])
  })

  it('refuses an applicant approving their own request, whatever post they hold, and takes no number for it', async () => {
    const w = certificateWorld()
    const own = await w.residents.apply(member, RESIDENCE)
    expect(await refusal(w.approval.approve(member, own.id))).toBe('CERTIFICATE_OWN_REQUEST')
    const secretarysOwn = await w.residents.apply(secretary, RESIDENCE)
    expect(await refusal(w.approval.approve(secretary, secretarysOwn.id))).toBe('CERTIFICATE_OWN_REQUEST')
    expect(w.db.lines).toEqual([])
    // the next certificate still takes the first number of the year
    expect((await w.approval.approve(secretary, own.id)).number).toBe(`${VILLAGE.code}-2026-0001`)
  })

  it('refuses the applicant refusing or asking about their own request too', async () => {
    const w = certificateWorld()
    const own = await w.residents.apply(member, RESIDENCE)
    expect(await refusal(w.approval.refuse(member, own.id, '不符合条件'))).toBe('CERTIFICATE_OWN_REQUEST')
    expect(await refusal(w.approval.requestInfo(member, own.id, '请补充'))).toBe('CERTIFICATE_OWN_REQUEST')
    expect(w.db.requests.get(own.id)!.state).toBe('submitted')
  })

  it('refuses a resident who is not on the committee', async () => {
    const w = certificateWorld()
    const { id } = await w.residents.apply(member, RESIDENCE)
    expect(await refusal(w.approval.approve(resident, id))).toBe('CERTIFICATE_APPROVER_NOT_ALLOWED')
  })
})

describe('numbering certificates', () => {
  it('gives concurrent approvals of different requests consecutive numbers with no gap', async () => {
    const w = certificateWorld()
    const ids: number[] = []
    for (let i = 0; i < 6; i++) ids.push((await w.residents.apply(resident, RESIDENCE)).id)
    const issued = await Promise.all(ids.map((id, i) => w.approval.approve(i % 2 ? member : secretary, id)))
    const numbers = issued.map((r) => r.number!)
    expect(new Set(numbers).size).toBe(6)
    expect(checkNumberSequence(numbers)).toEqual(expect.objectContaining({ gapless: true }))
    expect(w.db.counters.get(`${VILLAGE.id}/2026`)).toBe(6)
  })

  it('gives one number when the same request is approved twice at once', async () => {
    const w = certificateWorld()
    const { id } = await w.residents.apply(resident, RESIDENCE)
    const both = await Promise.allSettled([w.approval.approve(member, id), w.approval.approve(secretary, id)])
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const failed = both.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect((failed.reason as AppException).code).toBe('CERTIFICATE_ALREADY_APPROVED')
    expect(w.db.counters.get(`${VILLAGE.id}/2026`)).toBe(1)
    expect(w.db.lines).toHaveLength(1)
  })

  it('starts again from 1 in a new year (China time)', async () => {
    const w = certificateWorld(new Date('2026-12-31T15:30:00Z'))
    const first = await w.residents.apply(resident, RESIDENCE)
    expect((await w.approval.approve(member, first.id)).number).toBe(`${VILLAGE.code}-2026-0001`)
    w.clock.advance(60 * 60_000) // 2027-01-01 00:30 in China
    const second = await w.residents.apply(resident, RESIDENCE)
    expect((await w.approval.approve(member, second.id)).number).toBe(`${VILLAGE.code}-2027-0001`)
  })

  it('runs the whole issuing again when MySQL gives it up in a deadlock, and still gives one number', async () => {
    const w = certificateWorld()
    const { id } = await w.residents.apply(resident, RESIDENCE)
    w.db.deadlocks = 4
    const issued = await w.approval.approve(member, id)
    expect(issued.number).toBe(`${VILLAGE.code}-2026-0001`)
    expect(w.db.counters.get(`${VILLAGE.id}/2026`)).toBe(1)
    expect(w.db.lines).toHaveLength(1)
    expect(w.db.entries.filter((e) => e.action === 'certificate.issued')).toHaveLength(1)
  })

  it('gives up after five deadlocks in a row, leaving the request as it was', async () => {
    const w = certificateWorld()
    const { id } = await w.residents.apply(resident, RESIDENCE)
    w.db.deadlocks = 5
    await expect(w.approval.approve(member, id)).rejects.toThrow('Deadlock found')
    expect(w.db.requests.get(id)!.state).toBe('submitted')
    expect(w.db.counters.get(`${VILLAGE.id}/2026`)).toBe(0)
    expect(w.db.lines).toEqual([])
  })
})
