import { seesFullIdNumber } from '../../src/modules/roster/roster.policy'
import { viewerWith } from './support/viewer'

const VILLAGE = 7

describe('who sees an ID number on the roster in full', () => {
  it('shows a person their own number, whatever post they hold', () => {
    const secretary = viewerWith({ [VILLAGE]: ['party_secretary'] }, { accountId: 42 })
    expect(seesFullIdNumber(secretary, { accountId: 42 })).toBe(true)
  })

  it('masks everyone else’s number for the 两委, the supervisors and the township', () => {
    for (const roles of [['committee_member'], ['party_secretary'], ['supervisor']] as const)
      expect(
        seesFullIdNumber(viewerWith({ [VILLAGE]: [...roles] }, { accountId: 42 }), { accountId: 43 }),
      ).toBe(false)
    expect(
      seesFullIdNumber(viewerWith({ 3: ['township_official'] }, { accountId: 42 }), { accountId: 43 }),
    ).toBe(false)
  })

  it('masks the number of a person not yet linked to any account', () => {
    expect(
      seesFullIdNumber(viewerWith({ [VILLAGE]: ['committee_member'] }, { accountId: 42 }), {
        accountId: null,
      }),
    ).toBe(false)
  })
})
