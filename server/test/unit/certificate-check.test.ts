import { CERTIFICATE_ARCHIVE_MISMATCH, maskName, normalizeVerificationCode } from '@xiangli/shared'
import { RESIDENCE, VILLAGE, acting, certificateWorld } from './support/certificates'

const resident = acting(11, ['resident'], 101)
const member = acting(12, ['committee_member'], 102)

/** An issued certificate, and what its holder would type from the paper. */
async function issued() {
  const w = certificateWorld()
  const { id } = await w.residents.apply(resident, RESIDENCE)
  const r = await w.approval.approve(member, id)
  const typed = { n: r.number!, c: normalizeVerificationCode(r.verificationCode!) }
  /** what someone with access to the database changes behind the application's back */
  const alter = (changes: Record<string, unknown>) => Object.assign(w.db.requests.get(id)!, changes)
  return { w, id, typed, alter }
}

describe('the public check of a certificate', () => {
  it('answers valid with the masked holder, the item, the village and the day of issue', async () => {
    const { w, typed } = await issued()
    expect(await w.check.check(typed)).toEqual({
      result: 'valid',
      number: typed.n,
      itemName: '居（租）住证明',
      villageName: VILLAGE.name,
      issuedOn: '2026-03-05',
      holderName: maskName('王秀英'),
    })
  })

  it('answers 无效 and nothing more to a wrong code, an unknown number or one that is not a number', async () => {
    const { w, typed } = await issued()
    const other = typed.c === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH'
    expect(await w.check.check({ ...typed, c: other })).toEqual({ result: 'invalid' })
    expect(await w.check.check({ ...typed, n: `${VILLAGE.code}-2026-0002` })).toEqual({ result: 'invalid' })
    expect(await w.check.check({ ...typed, n: 'abc' })).toEqual({ result: 'invalid' })
  })

  it('answers 无效 for a request that was never issued, even with its number written in', async () => {
    const { w, typed, alter } = await issued()
    alter({ state: 'submitted' })
    const pending = await w.residents.apply(resident, RESIDENCE)
    w.db.requests.get(pending.id)!.number = `${VILLAGE.code}-2026-0009`
    w.db.requests.get(pending.id)!.verificationCode = typed.c
    expect(await w.check.check({ n: `${VILLAGE.code}-2026-0009`, c: typed.c })).toEqual({ result: 'invalid' })
  })

  it('answers revoked once the committee revokes it', async () => {
    const { w, id, typed } = await issued()
    await w.revocation.revoke(member, id, '申请人已搬离本村')
    expect(await w.check.check(typed)).toEqual(
      expect.objectContaining({ result: 'revoked', number: typed.n }),
    )
  })

  it('answers 证明信息与存档不一致, showing none of the altered facts, when the holder or item was changed in the database', async () => {
    for (const changes of [{ applicantName: '李四' }, { itemName: '收入证明' }, { purpose: '贷款' }]) {
      const { w, typed, alter } = await issued()
      alter(changes)
      expect(await w.check.check(typed)).toEqual({
        result: 'mismatch',
        number: typed.n,
        message: CERTIFICATE_ARCHIVE_MISMATCH,
      })
    }
  })

  it('answers 证明信息与存档不一致 to the holder of the genuine paper when the stored code was changed', async () => {
    const { w, typed, alter } = await issued()
    alter({ verificationCode: typed.c === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH' })
    expect((await w.check.check(typed)).result).toBe('mismatch')
  })

  it('answers 证明信息与存档不一致 for a revoked certificate set back to issued', async () => {
    const { w, id, typed, alter } = await issued()
    await w.revocation.revoke(member, id, '申请人已搬离本村')
    alter({ state: 'issued', revokedAt: null, revokeReason: null })
    expect((await w.check.check(typed)).result).toBe('mismatch')
  })
})
