import { AT_LEAST_ONE_FIFTH, AT_LEAST_ONE_THIRD, type PetitionRule } from '@xiangli/shared'
import { AppException } from '../../src/core/errors/app.exception'
import { adultCutoff } from '../../src/modules/deliberations/adult'
import { petitionCheck, petitionRule, standingOf } from '../../src/modules/deliberations/petitions.rules'
import { memoryPetitions, type Person } from './support/petitions-memory'

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(AppException)
  return (e as AppException).code
}

const ADULT = '1980-03-01'
const CHILD = '2015-06-01'
const NOW = new Date('2026-05-20T02:00:00Z')

/** Twenty registered adults in ten households, two cadres among them, and two who are not registered. */
function village(extra: Person[] = []): Person[] {
  const people: Person[] = Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    name: `村民${i + 1}`,
    householdId: Math.floor(i / 2) + 1,
    birthDate: ADULT,
    account: 100 + i + 1,
  }))
  people[0]!.roles = ['committee_member']
  people[1]!.roles = ['party_secretary']
  people.push(
    { id: 21, name: '外来甲', householdId: 11, birthDate: ADULT, residency: 'non_registered', account: 121 },
    { id: 22, name: '外来乙', householdId: 11, birthDate: ADULT, residency: 'non_registered', account: 122 },
  )
  return people.concat(extra)
}

const start = { target: 'villagers_meeting' as const, title: '修村道', text: '请召开村民会议商量修村道。' }

describe('who counts when they sign', () => {
  const person = { id: 1, name: '王', householdId: 1, birthDate: ADULT, residency: 'registered' as const }

  it('counts an adult registered villager for a villagers’ meeting, not one living here unregistered', () => {
    expect(standingOf(person, false, 'villagers_meeting', NOW)).toMatchObject({
      asAdult: true,
      eligible: true,
    })
    const outsider = standingOf({ ...person, residency: 'non_registered' }, false, 'villagers_meeting', NOW)
    expect(outsider).toMatchObject({ asAdult: false, eligible: false })
    // in a community every adult resident counts, registered or not
    expect(
      standingOf({ ...person, residency: 'non_registered' }, false, 'residents_meeting', NOW),
    ).toMatchObject({
      asAdult: true,
      eligible: true,
    })
  })

  it('lets a 村民代表 sign for a villagers’ meeting as a representative, and only them for a representatives’ meeting', () => {
    const rep = standingOf({ ...person, residency: 'non_registered' }, true, 'villagers_meeting', NOW)
    expect(rep).toMatchObject({ asAdult: false, asRepresentative: true, eligible: true })
    expect(standingOf(person, false, 'representatives_meeting', NOW).eligible).toBe(false)
    expect(standingOf(person, true, 'representatives_meeting', NOW).eligible).toBe(true)
  })

  it('counts someone as an adult from their eighteenth birthday, in China time', () => {
    const birthday = adultCutoff(NOW)
    expect(standingOf({ ...person, birthDate: birthday }, false, 'residents_meeting', NOW).asAdult).toBe(true)
    const dayAfter = `${birthday.slice(0, 8)}${String(Number(birthday.slice(8)) + 1).padStart(2, '0')}`
    expect(standingOf({ ...person, birthDate: dayAfter }, false, 'residents_meeting', NOW).asAdult).toBe(
      false,
    )
    expect(standingOf({ ...person, birthDate: CHILD }, false, 'residents_meeting', NOW).eligible).toBe(false)
  })
})

describe('counting signatures against the threshold', () => {
  it('holds a petition to the criteria signatures can meet (a resident group’s consent is not one)', () => {
    expect(petitionRule('residents_meeting').map((c) => c.criterion)).toEqual(['residents', 'households'])
    expect(petitionRule('villagers_meeting').map((c) => c.criterion)).toEqual([
      'villagers',
      'representatives',
    ])
  })

  it('never counts more signatures than the total frozen at the start', () => {
    const rule: PetitionRule = [{ criterion: 'representatives', threshold: AT_LEAST_ONE_FIFTH }]
    const check = petitionCheck(
      { rule, totals: { representatives: 5 } },
      { adults: 0, representatives: 7, households: 0 },
    )
    expect(check.criteria).toEqual([
      { criterion: 'representatives', signed: 5, total: 5, needed: 1, met: true },
    ])
    expect(check).toMatchObject({ forced: true, by: 'representatives' })
  })

  it('counts households with an adult signer once, however many of them sign', () => {
    const rule: PetitionRule = [
      { criterion: 'residents', threshold: AT_LEAST_ONE_FIFTH },
      { criterion: 'households', threshold: AT_LEAST_ONE_THIRD },
    ]
    const check = petitionCheck(
      { rule, totals: { residents: 30, households: 9 } },
      { adults: 4, representatives: 0, households: 2 },
    )
    expect(check.criteria).toEqual([
      { criterion: 'residents', signed: 4, total: 30, needed: 6, met: false },
      { criterion: 'households', signed: 2, total: 9, needed: 3, met: false },
    ])
    expect(check.forced).toBe(false)
  })
})

describe('a petition for a villagers’ meeting', () => {
  it('freezes the totals at the start: registered adults, and the village’s representatives', async () => {
    const s = memoryPetitions(
      village([{ id: 23, name: '代表', householdId: 12, birthDate: ADULT, roles: ['representative'] }]),
    )
    const p = await s.signing.create(s.as(5), start)
    expect(s.petitions()[0]!.totals).toEqual({ villagers: 21, representatives: 1 })
    expect(p).toMatchObject({ signatures: 1, signedByMe: true, canSign: false, isMine: true, status: 'open' })
    expect(p.cannotSignReason).toBe('您已经签过名了')
  })

  it('reaches the threshold at the signature that meets it, and tells the 两委 exactly once', async () => {
    const s = memoryPetitions(village())
    const { id } = await s.signing.create(s.as(5), start)
    expect(s.told.filter((t) => t.kind === 'petition.reached')).toEqual([])
    const reached = await s.signing.sign(s.as(6), id)
    expect(reached).toMatchObject({ status: 'reached', reached: true, signatures: 2 })
    expect(reached.criteria.find((c) => c.criterion === 'villagers')).toMatchObject({ signed: 2, needed: 2 })
    await s.signing.sign(s.as(7), id)
    const told = s.told.filter((t) => t.kind === 'petition.reached')
    expect(told.map((t) => t.accountIds)).toEqual([[101, 102], [105]])
    expect(s.audit.filter((e) => e.action === 'petition.threshold_reached')).toHaveLength(1)
    // the 两委 see that they may convene it; a resident does not
    expect((await s.reads.detail(s.as(1), id)).canConvene).toBe(true)
    expect((await s.reads.detail(s.as(8), id)).canConvene).toBe(false)
  })

  it('takes one signature per person and none from someone who does not count', async () => {
    const s = memoryPetitions(village())
    const { id } = await s.signing.create(s.as(5), start)
    expect(await refusal(s.signing.sign(s.as(5), id))).toBe('PETITION_ALREADY_SIGNED')
    expect(await refusal(s.signing.sign(s.as(21), id))).toBe('PETITION_NOT_ELIGIBLE')
    expect(await refusal(s.signing.create(s.as(22), start))).toBe('PETITION_NOT_ELIGIBLE')
    const seen = await s.reads.detail(s.as(21), id)
    expect(seen).toMatchObject({ signatures: 1, canSign: false })
    expect(seen.cannotSignReason).toMatch(/^只有.*可以联名$/)
  })

  it('is withdrawn only by its initiator before the threshold, and its other signers are told', async () => {
    const s = memoryPetitions(village())
    const { id } = await s.signing.create(s.as(5), start)
    expect(await refusal(s.withdrawal.withdraw(s.as(6), id))).toBe('PETITION_NOT_YOURS')
    // forty registered adults: four signatures reach it
    const more = Array.from({ length: 20 }, (_, i) => ({
      id: 31 + i,
      name: `新户${i}`,
      householdId: 20 + i,
      birthDate: ADULT,
      account: 131 + i,
    }))
    const s2 = memoryPetitions(village(more))
    const open = await s2.signing.create(s2.as(5), start)
    await s2.signing.sign(s2.as(6), open.id)
    const withdrawn = await s2.withdrawal.withdraw(s2.as(5), open.id)
    expect(withdrawn).toMatchObject({ status: 'withdrawn', canSign: false, signatures: 2 })
    expect(s2.told.filter((t) => t.kind === 'petition.withdrawn').map((t) => t.accountIds)).toEqual([[106]])
    expect(await refusal(s2.signing.sign(s2.as(6), open.id))).toBe('PETITION_CLOSED')
    await s.signing.sign(s.as(6), id)
    expect(await refusal(s.withdrawal.withdraw(s.as(5), id))).toBe('PETITION_CANNOT_WITHDRAW')
  })

  it('is convened once, and only after it reached the threshold', async () => {
    const s = memoryPetitions(village())
    const { id } = await s.signing.create(s.as(5), start)
    const committee = s.as(1)
    expect(await refusal(s.convening.convene({} as never, committee, id, 40))).toBe('PETITION_NOT_REACHED')
    await s.signing.sign(s.as(6), id)
    await s.convening.convene({} as never, committee, id, 40)
    expect(s.petitions()[0]).toMatchObject({ status: 'convened', deliberationId: 40 })
    expect(s.told.find((t) => t.kind === 'petition.convened')?.accountIds).toEqual([105, 106])
    expect(await refusal(s.convening.convene({} as never, committee, id, 41))).toBe(
      'PETITION_ALREADY_CONVENED',
    )
    expect(await refusal(s.convening.convene({} as never, committee, 99, 41))).toBe(
      'DELIBERATION_SOURCE_INVALID',
    )
  })
})
