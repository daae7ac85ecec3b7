import {
  transitionVerification,
  VERIFICATION_EVENTS,
  VERIFICATION_STATES,
  type VerificationEvent,
  type VerificationState,
} from './verification'

const EXPECTED: Record<VerificationState, Record<VerificationEvent, VerificationState | 'refused'>> = {
  pending: { confirm: 'confirmed', reject: 'rejected' },
  confirmed: { confirm: 'refused', reject: 'refused' },
  rejected: { confirm: 'refused', reject: 'refused' },
}

describe('transitionVerification', () => {
  const cases = VERIFICATION_STATES.flatMap((state) =>
    VERIFICATION_EVENTS.map((event) => [state, event, EXPECTED[state][event]] as const),
  )

  it('has an expectation for every state and event', () => {
    expect(cases).toHaveLength(6)
  })

  it.each(cases.filter(([, , next]) => next !== 'refused'))('moves %s on %s to %s', (state, event, next) => {
    expect(transitionVerification(state, event)).toEqual({ ok: true, next })
  })

  it.each(cases.filter(([, , next]) => next === 'refused'))(
    'refuses %s on %s as no longer pending',
    (state, event) => {
      expect(transitionVerification(state, event)).toEqual({ ok: false, code: 'VERIFICATION_NOT_PENDING' })
    },
  )
})
