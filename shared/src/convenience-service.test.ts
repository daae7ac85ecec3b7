import { materialsRule, serviceHandoffSchema, serviceRequestCreateSchema } from './convenience-service-api'
import { DEFAULT_SERVICE_CATALOGUE } from './convenience-service-catalogue'
import {
  averageDays,
  isServiceOverdue,
  isWorkingDay,
  serviceDueOn,
  serviceEventsFrom,
  serviceItemSchema,
  serviceStepLabel,
  SERVICE_REQUEST_EVENTS,
  SERVICE_REQUEST_STATES,
  transition,
  type ServiceRequestEvent,
  type ServiceRequestState,
} from './convenience-service'

/** 09:00 Beijing time of a day */
const at = (day: string) => new Date(`${day}T01:00:00.000Z`)

describe('便民服务: the request state machine', () => {
  const walk = (events: ServiceRequestEvent[], handling: 'desk' | 'forward' = 'forward') => {
    let s: ServiceRequestState = 'submitted'
    for (const e of events) {
      const r = transition(s, e, handling)
      if (!r.ok) throw new Error(`${s} ${e}: ${r.code}`)
      s = r.next
    }
    return s
  }

  it('carries a forwarded matter from the desk to the office and back to the resident', () => {
    expect(walk(['accept', 'hand_over', 'receive_result', 'deliver'])).toBe('done')
  })

  it('lets the desk finish a matter it handles itself without handing it over', () => {
    expect(walk(['accept', 'receive_result', 'deliver'], 'desk')).toBe('done')
    expect(transition('accepted', 'hand_over', 'desk')).toEqual({
      ok: false,
      code: 'SERVICE_HANDLED_AT_DESK',
    })
  })

  it('does not let a carried matter skip the office', () => {
    expect(transition('accepted', 'receive_result', 'forward')).toEqual({
      ok: false,
      code: 'SERVICE_WRONG_STEP',
    })
  })

  it('lets the resident withdraw only before the desk accepts', () => {
    expect(transition('submitted', 'withdraw')).toEqual({ ok: true, next: 'withdrawn' })
    for (const s of ['accepted', 'forwarded', 'result_back'] as const)
      expect(transition(s, 'withdraw')).toEqual({ ok: false, code: 'SERVICE_WITHDRAW_AFTER_ACCEPT' })
  })

  it('refuses with a reason while the matter is open, never after the result is back', () => {
    for (const s of ['submitted', 'accepted', 'forwarded'] as const)
      expect(transition(s, 'refuse')).toEqual({ ok: true, next: 'refused' })
    expect(transition('result_back', 'refuse')).toEqual({ ok: false, code: 'SERVICE_WRONG_STEP' })
  })

  it('takes no event once closed', () => {
    for (const s of ['done', 'refused', 'withdrawn'] as const)
      for (const e of SERVICE_REQUEST_EVENTS)
        expect(transition(s, e)).toEqual({ ok: false, code: 'SERVICE_REQUEST_CLOSED' })
  })

  it('refuses steps out of order', () => {
    expect(transition('submitted', 'deliver')).toEqual({ ok: false, code: 'SERVICE_WRONG_STEP' })
    expect(transition('forwarded', 'hand_over')).toEqual({ ok: false, code: 'SERVICE_WRONG_STEP' })
  })

  it('offers the buttons each state allows', () => {
    expect(serviceEventsFrom('submitted', 'forward')).toEqual(['accept', 'refuse', 'withdraw'])
    expect(serviceEventsFrom('accepted', 'forward')).toEqual(['hand_over', 'refuse'])
    expect(serviceEventsFrom('accepted', 'desk')).toEqual(['receive_result', 'refuse'])
    expect(serviceEventsFrom('result_back', 'desk')).toEqual(['deliver'])
    for (const s of SERVICE_REQUEST_STATES) expect(Array.isArray(serviceEventsFrom(s, 'forward'))).toBe(true)
  })

  it('calls a desk result 已办好 and a carried one 结果已取回', () => {
    expect(serviceStepLabel('receive_result', 'desk')).toBe('已办好')
    expect(serviceStepLabel('receive_result', 'forward')).toBe('结果已取回')
  })
})

describe('便民服务: time limits', () => {
  it('knows Saturday and Sunday are not working days', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true) // Friday
    expect(isWorkingDay('2026-12-05')).toBe(false)
    expect(isWorkingDay('2026-12-06')).toBe(false)
    expect(isWorkingDay('2026-12-07')).toBe(true)
  })

  it('counts working days from the day after filing, skipping weekends', () => {
    // filed on a Friday: 5 working days end the next Friday
    expect(serviceDueOn(at('2026-12-04'), 5, 'working')).toBe('2026-12-11')
    // filed on a Saturday: Monday is the first day
    expect(serviceDueOn(at('2026-12-05'), 1, 'working')).toBe('2026-12-07')
    expect(serviceDueOn(at('2026-12-01'), 3, 'working')).toBe('2026-12-04')
  })

  it('counts calendar days straight, across the month end', () => {
    expect(serviceDueOn(at('2026-12-25'), 10, 'calendar')).toBe('2027-01-04')
  })

  it('takes the Beijing day of filing, not the UTC one', () => {
    // 23:30 UTC on the 3rd is 07:30 on the 4th in Beijing
    expect(serviceDueOn(new Date('2026-12-03T23:30:00.000Z'), 1, 'calendar')).toBe('2026-12-05')
  })

  it('is overdue once its last day has ended, unless closed', () => {
    const r = { state: 'forwarded' as const, dueOn: '2026-12-11' }
    expect(isServiceOverdue(r, new Date('2026-12-11T15:59:59.000Z'))).toBe(false)
    expect(isServiceOverdue(r, new Date('2026-12-11T16:00:00.000Z'))).toBe(true)
    expect(isServiceOverdue({ ...r, state: 'done' }, new Date('2027-01-01T00:00:00Z'))).toBe(false)
  })

  it('averages days to one decimal, null without any', () => {
    expect(averageDays([])).toBeNull()
    expect(averageDays([86_400_000, 2 * 86_400_000])).toBe(1.5)
    expect(averageDays([86_400_000 / 3])).toBe(0.3)
  })
})

describe('便民服务: the catalogue and the forms', () => {
  it('has the eight default services, each valid and with its own code', () => {
    expect(DEFAULT_SERVICE_CATALOGUE.map((i) => i.name)).toEqual([
      '城乡居民养老保险参保登记',
      '城乡居民医保参保缴费',
      '高龄津贴申领',
      '残疾人证申领',
      '临时救助申请',
      '最低生活保障申请',
      '独生子女父母奖励',
      '农村危房改造申请',
    ])
    expect(new Set(DEFAULT_SERVICE_CATALOGUE.map((i) => i.code)).size).toBe(8)
    for (const i of DEFAULT_SERVICE_CATALOGUE) expect(serviceItemSchema.safeParse(i).success).toBe(true)
  })

  it('refuses an item without materials or with a time limit of zero', () => {
    const item = { ...DEFAULT_SERVICE_CATALOGUE[0]! }
    expect(serviceItemSchema.safeParse({ ...item, materials: [] }).success).toBe(false)
    expect(serviceItemSchema.safeParse({ ...item, timeLimitDays: 0 }).success).toBe(false)
    expect(serviceItemSchema.safeParse({ ...item, materials: ['身份证', '身份证'] }).success).toBe(false)
  })

  it('takes only the materials the item lists, each once', () => {
    const item = { materials: ['居民身份证', '户口簿'] }
    expect(materialsRule(item, ['户口簿'])).toBe(true)
    expect(materialsRule(item, [])).toBe(true)
    expect(materialsRule(item, ['结婚证'])).toBe(false)
    expect(materialsRule(item, ['户口簿', '户口簿'])).toBe(false)
  })

  it('asks for the receiving person when papers are handed to the office', () => {
    expect(serviceHandoffSchema.safeParse({ kind: 'hand_over', office: '乡镇社会事务办' }).success).toBe(
      false,
    )
    expect(serviceHandoffSchema.safeParse({ kind: 'hand_over', receiver: '李会计' }).success).toBe(true)
    expect(serviceHandoffSchema.safeParse({ kind: 'accept' }).success).toBe(true)
  })

  it('defaults a request to no materials, no note and no photos', () => {
    expect(serviceRequestCreateSchema.parse({ itemCode: 'pension_enrol' })).toEqual({
      itemCode: 'pension_enrol',
      materials: [],
      note: '',
      photoIds: [],
    })
  })
})
