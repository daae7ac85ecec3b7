import {
  issuingBodyName,
  canApprove,
  CERTIFICATE_DEADLINE_STATES,
  CERTIFICATE_EVENT_ACTORS,
  CERTIFICATE_REQUEST_EVENT_LABELS,
  CERTIFICATE_REQUEST_EVENTS,
  CERTIFICATE_REQUEST_STATE_LABELS,
  CERTIFICATE_REQUEST_STATES,
  certificateDeadline,
  certificateDeadlineAfter,
  certificateEventsFrom,
  certificateRefuseSchema,
  certificateRequestCreateSchema,
  certificateResubmitSchema,
  certificateRevokeSchema,
  isCertificateRequestOverdue,
  SEAL_USE_COLUMNS,
  sealUseEntry,
  transitionCertificateRequest,
  type ApproverRole,
  type CertificateRequestEvent as E,
  type CertificateRequestState as S,
} from './certificate'
import type { ErrorCode } from '../errors'
import { ERRORS } from '../errors'

/** Every state × event: the next state, or the code it is refused with. */
const EXPECTED: Record<S, Record<E, S | ErrorCode>> = {
  submitted: {
    approve: 'approved',
    refuse: 'refused',
    request_info: 'more_info_requested',
    resubmit: 'CERTIFICATE_NOT_AWAITING_INFO',
    withdraw: 'withdrawn',
    issue: 'CERTIFICATE_NOT_APPROVED',
    revoke: 'CERTIFICATE_NOT_ISSUED',
  },
  more_info_requested: {
    approve: 'CERTIFICATE_AWAITING_MORE_INFO',
    refuse: 'CERTIFICATE_AWAITING_MORE_INFO',
    request_info: 'CERTIFICATE_AWAITING_MORE_INFO',
    resubmit: 'resubmitted',
    withdraw: 'withdrawn',
    issue: 'CERTIFICATE_NOT_APPROVED',
    revoke: 'CERTIFICATE_NOT_ISSUED',
  },
  resubmitted: {
    approve: 'approved',
    refuse: 'refused',
    request_info: 'more_info_requested',
    resubmit: 'CERTIFICATE_NOT_AWAITING_INFO',
    withdraw: 'withdrawn',
    issue: 'CERTIFICATE_NOT_APPROVED',
    revoke: 'CERTIFICATE_NOT_ISSUED',
  },
  approved: {
    approve: 'CERTIFICATE_ALREADY_APPROVED',
    refuse: 'CERTIFICATE_ALREADY_APPROVED',
    request_info: 'CERTIFICATE_ALREADY_APPROVED',
    resubmit: 'CERTIFICATE_ALREADY_DECIDED',
    withdraw: 'CERTIFICATE_ALREADY_APPROVED',
    issue: 'issued',
    revoke: 'CERTIFICATE_NOT_ISSUED',
  },
  refused: {
    approve: 'CERTIFICATE_ALREADY_DECIDED',
    refuse: 'CERTIFICATE_ALREADY_DECIDED',
    request_info: 'CERTIFICATE_ALREADY_DECIDED',
    resubmit: 'CERTIFICATE_ALREADY_DECIDED',
    withdraw: 'CERTIFICATE_ALREADY_DECIDED',
    issue: 'CERTIFICATE_NOT_APPROVED',
    revoke: 'CERTIFICATE_NOT_ISSUED',
  },
  issued: {
    approve: 'CERTIFICATE_ALREADY_APPROVED',
    refuse: 'CERTIFICATE_ALREADY_APPROVED',
    request_info: 'CERTIFICATE_ALREADY_APPROVED',
    resubmit: 'CERTIFICATE_ALREADY_DECIDED',
    withdraw: 'CERTIFICATE_ALREADY_APPROVED',
    issue: 'CERTIFICATE_ALREADY_ISSUED',
    revoke: 'revoked',
  },
  revoked: {
    approve: 'CERTIFICATE_ALREADY_APPROVED',
    refuse: 'CERTIFICATE_ALREADY_APPROVED',
    request_info: 'CERTIFICATE_ALREADY_APPROVED',
    resubmit: 'CERTIFICATE_ALREADY_DECIDED',
    withdraw: 'CERTIFICATE_ALREADY_APPROVED',
    issue: 'CERTIFICATE_ALREADY_ISSUED',
    revoke: 'CERTIFICATE_ALREADY_REVOKED',
  },
  withdrawn: {
    approve: 'CERTIFICATE_REQUEST_WITHDRAWN',
    refuse: 'CERTIFICATE_REQUEST_WITHDRAWN',
    request_info: 'CERTIFICATE_REQUEST_WITHDRAWN',
    resubmit: 'CERTIFICATE_REQUEST_WITHDRAWN',
    withdraw: 'CERTIFICATE_REQUEST_WITHDRAWN',
    issue: 'CERTIFICATE_REQUEST_WITHDRAWN',
    revoke: 'CERTIFICATE_REQUEST_WITHDRAWN',
  },
}

const isState = (v: string): v is S => (CERTIFICATE_REQUEST_STATES as readonly string[]).includes(v)

describe('transitionCertificateRequest', () => {
  const cases = CERTIFICATE_REQUEST_STATES.flatMap((state) =>
    CERTIFICATE_REQUEST_EVENTS.map((event) => [state, event, EXPECTED[state][event]] as const),
  )

  it('has an expectation for every state and event', () => {
    expect(cases).toHaveLength(CERTIFICATE_REQUEST_STATES.length * CERTIFICATE_REQUEST_EVENTS.length)
  })

  it.each(cases.filter(([, , want]) => isState(want)))('moves %s on %s to %s', (state, event, next) => {
    expect(transitionCertificateRequest(state, event)).toEqual({ ok: true, next })
  })

  it.each(cases.filter(([, , want]) => !isState(want)))('refuses %s on %s with %s', (state, event, code) => {
    expect(transitionCertificateRequest(state, event)).toEqual({ ok: false, code })
  })

  it('refuses with codes that exist', () => {
    for (const [, , want] of cases) if (!isState(want)) expect(ERRORS[want]).toBeDefined()
  })

  it('approves a request exactly once, so exactly one number is issued', () => {
    const first = transitionCertificateRequest('submitted', 'approve')
    expect(first).toEqual({ ok: true, next: 'approved' })
    expect(transitionCertificateRequest('approved', 'approve')).toEqual({
      ok: false,
      code: 'CERTIFICATE_ALREADY_APPROVED',
    })
    expect(transitionCertificateRequest('approved', 'issue')).toEqual({ ok: true, next: 'issued' })
    expect(transitionCertificateRequest('issued', 'issue')).toEqual({
      ok: false,
      code: 'CERTIFICATE_ALREADY_ISSUED',
    })
  })

  it('goes round more than once when the committee keeps asking for more', () => {
    let state: S = 'submitted'
    for (const event of [
      'request_info',
      'resubmit',
      'request_info',
      'resubmit',
      'approve',
      'issue',
      'revoke',
    ] as const) {
      const t = transitionCertificateRequest(state, event)
      if (!t.ok) throw new Error(`${state} refused ${event}`)
      state = t.next
    }
    expect(state).toBe('revoked')
  })
})

describe('certificateEventsFrom', () => {
  it('lists what each state allows, and nothing for the final states', () => {
    expect(certificateEventsFrom('submitted')).toEqual(['approve', 'refuse', 'request_info', 'withdraw'])
    expect(certificateEventsFrom('more_info_requested')).toEqual(['resubmit', 'withdraw'])
    expect(certificateEventsFrom('approved')).toEqual(['issue'])
    expect(certificateEventsFrom('issued')).toEqual(['revoke'])
    for (const final of ['refused', 'revoked', 'withdrawn'] as const)
      expect(certificateEventsFrom(final)).toEqual([])
  })
})

describe('labels and actors', () => {
  it('has a Chinese label for every state and event', () => {
    for (const s of CERTIFICATE_REQUEST_STATES)
      expect(CERTIFICATE_REQUEST_STATE_LABELS[s]).toMatch(/[\u4e00-\u9fff]/)
    for (const e of CERTIFICATE_REQUEST_EVENTS)
      expect(CERTIFICATE_REQUEST_EVENT_LABELS[e]).toMatch(/[\u4e00-\u9fff]/)
  })

  it('leaves resubmitting and withdrawing to the applicant and everything else to the committee', () => {
    const byApplicant = CERTIFICATE_REQUEST_EVENTS.filter((e) => CERTIFICATE_EVENT_ACTORS[e] === 'applicant')
    expect(byApplicant).toEqual(['resubmit', 'withdraw'])
  })
})

describe('canApprove', () => {
  const ctx = (
    approverRoles: ApproverRole[],
    approverAccountId: number | string = 1,
    applicantAccountId: number | string = 2,
  ) => ({
    approverRoles,
    approverAccountId,
    applicantAccountId,
  })

  it('lets a committee member approve someone else’s request', () => {
    expect(canApprove(ctx(['committee_member', 'resident']))).toEqual({ ok: true })
  })

  it('lets the party secretary approve', () => {
    expect(canApprove(ctx(['party_secretary']))).toEqual({ ok: true })
  })

  it('refuses a committee member approving their own request', () => {
    expect(canApprove(ctx(['committee_member'], 7, 7))).toEqual({
      ok: false,
      code: 'CERTIFICATE_OWN_REQUEST',
    })
  })

  it('knows the same account whether the ids come as numbers or strings', () => {
    expect(canApprove(ctx(['party_secretary'], 7, '7'))).toEqual({
      ok: false,
      code: 'CERTIFICATE_OWN_REQUEST',
    })
  })

  it('refuses temporary staff, even when also marked as a committee member', () => {
    expect(canApprove(ctx(['temporary_staff']))).toEqual({
      ok: false,
      code: 'CERTIFICATE_APPROVER_NOT_ALLOWED',
    })
    expect(canApprove(ctx(['committee_member', 'temporary_staff']))).toEqual({
      ok: false,
      code: 'CERTIFICATE_APPROVER_NOT_ALLOWED',
    })
  })

  it.each([
    'resident',
    'representative',
    'party_member',
    'supervisor',
    'township_official',
    'system_admin',
  ] as const)('refuses a %s who is not on the committee', (role) => {
    expect(canApprove(ctx([role]))).toEqual({ ok: false, code: 'CERTIFICATE_APPROVER_NOT_ALLOWED' })
  })

  it('refuses a person with no roles at all', () => {
    expect(canApprove(ctx([]))).toEqual({ ok: false, code: 'CERTIFICATE_APPROVER_NOT_ALLOWED' })
  })

  it('tells a resident trying to approve their own request that they may not approve at all', () => {
    expect(canApprove(ctx(['resident'], 3, 3))).toEqual({
      ok: false,
      code: 'CERTIFICATE_APPROVER_NOT_ALLOWED',
    })
  })
})

describe('time limits', () => {
  const submitted = new Date('2026-03-01T02:00:00Z')

  it('falls due the given number of days after submission, to the millisecond', () => {
    expect(certificateDeadline(submitted, 3).toISOString()).toBe('2026-03-04T02:00:00.000Z')
  })

  it('starts a fresh limit on resubmission', () => {
    const at = new Date('2026-03-10T00:00:00Z')
    expect(certificateDeadlineAfter('resubmit', at, null, 5)?.toISOString()).toBe('2026-03-15T00:00:00.000Z')
  })

  it('keeps the deadline running from approval to issue', () => {
    const due = certificateDeadline(submitted, 3)
    expect(certificateDeadlineAfter('approve', new Date('2026-03-02T00:00:00Z'), due, 3)).toBe(due)
  })

  it.each(['refuse', 'request_info', 'withdraw', 'issue', 'revoke'] as const)(
    'stops the clock on %s',
    (event) => {
      expect(certificateDeadlineAfter(event, submitted, certificateDeadline(submitted, 3), 3)).toBeNull()
    },
  )

  it('counts a request past its deadline as overdue while the committee owes the next step', () => {
    const dueAt = certificateDeadline(submitted, 3)
    const after = new Date(dueAt.getTime() + 1)
    for (const state of CERTIFICATE_DEADLINE_STATES) {
      expect(isCertificateRequestOverdue({ state, dueAt }, after)).toBe(true)
      expect(isCertificateRequestOverdue({ state, dueAt }, dueAt)).toBe(false)
      expect(isCertificateRequestOverdue({ state, dueAt: dueAt.toISOString() }, after)).toBe(true)
    }
  })

  it.each(['more_info_requested', 'refused', 'issued', 'revoked', 'withdrawn'] as const)(
    'never counts a request that is %s as overdue',
    (state) => {
      expect(isCertificateRequestOverdue({ state, dueAt: submitted }, new Date('2030-01-01'))).toBe(false)
    },
  )

  it('never counts a request without a deadline as overdue', () => {
    expect(isCertificateRequestOverdue({ state: 'submitted', dueAt: null }, new Date('2030-01-01'))).toBe(
      false,
    )
  })
})

describe('request bodies', () => {
  it('fills in defaults for a new request', () => {
    expect(
      certificateRequestCreateSchema.parse({ itemCode: 'residence', purpose: ' 孩子上小学报名 ' }),
    ).toEqual({
      itemCode: 'residence',
      purpose: '孩子上小学报名',
      fields: {},
      materialIds: [],
      copies: 1,
    })
  })

  it.each([
    ['no purpose', { itemCode: 'residence', purpose: '  ' }],
    ['a malformed item code', { itemCode: '居住证明', purpose: '上学' }],
    ['six copies', { itemCode: 'residence', purpose: '上学', copies: 6 }],
    ['the same material twice', { itemCode: 'residence', purpose: '上学', materialIds: [3, 3] }],
    [
      'ten materials',
      { itemCode: 'residence', purpose: '上学', materialIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    ],
    ['a field value that is a list', { itemCode: 'residence', purpose: '上学', fields: { address: ['a'] } }],
  ])('refuses a new request with %s', (_, body) => {
    expect(certificateRequestCreateSchema.safeParse(body).success).toBe(false)
  })

  it('asks for a reason to refuse or revoke', () => {
    expect(certificateRefuseSchema.safeParse({ reason: '' }).success).toBe(false)
    expect(certificateRevokeSchema.safeParse({ reason: '发现住址填错' }).success).toBe(true)
  })

  it('takes a resubmission with new fields and a note', () => {
    expect(certificateResubmitSchema.parse({ fields: { address: '3组' } })).toEqual({
      fields: { address: '3组' },
      materialIds: [],
      note: '',
    })
  })
})

describe('sealUseEntry', () => {
  it('records one issuance with the phone masked', () => {
    expect(
      sealUseEntry({
        at: new Date('2026-03-08T01:30:00Z'),
        certificateNumber: '330106101201-2026-0007',
        itemCode: 'residence',
        itemName: '居（租）住证明',
        copies: 2,
        approverName: '王书记',
        handlerName: '李会计',
        applicantName: '张三',
        applicantPhone: '+86 138 0013 8000',
      }),
    ).toEqual({
      at: '2026-03-08T01:30:00.000Z',
      certificateNumber: '330106101201-2026-0007',
      itemCode: 'residence',
      itemName: '居（租）住证明',
      copies: 2,
      approverName: '王书记',
      handlerName: '李会计',
      applicantName: '张三',
      applicantPhoneMasked: '138****8000',
    })
  })

  it('exports the columns the paper register has, never the full phone number', () => {
    expect(SEAL_USE_COLUMNS.map((c) => c.label)).toEqual([
      '用印时间',
      '证明编号',
      '证明事项',
      '份数',
      '审批人',
      '经办人',
      '申请人',
      '联系电话',
    ])
    expect(SEAL_USE_COLUMNS.map((c) => c.key)).toContain('applicantPhoneMasked')
  })
})

describe('the issuing body', () => {
  it('names a village’s 村民委员会 and a community’s 居民委员会 in full', () => {
    expect(issuingBodyName('village', '柳林村')).toBe('柳林村村民委员会')
    expect(issuingBodyName('community', '新华社区')).toBe('新华社区居民委员会')
  })
})
