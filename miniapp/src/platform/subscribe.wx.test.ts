import { subscriptionsRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { fakeWx } from '@/test/fakeWx'
import { askToSubscribe, prepareSubscribe, resetSubscribe } from './subscribe'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())
jest.mock('@/api/request', () => ({ call: jest.fn() }))

/** The same rules as subscribe.test.ts, against the fake wx: what WeChat is asked and how it answers. */
const wx = fakeWx()
const callMock = call as unknown as jest.Mock
const reports = () => callMock.mock.calls.filter(([route]) => route === subscriptionsRoutes.report)
const flush = () => new Promise((r) => setTimeout(r, 5))

const taroEnv = process.env.TARO_ENV
beforeEach(() => {
  wx.reset()
  resetSubscribe()
  process.env.TARO_ENV = 'weapp'
  callMock.mockReset()
  callMock.mockImplementation(async (route) =>
    route === subscriptionsRoutes.templates
      ? {
          actions: { grievance: ['T-reply'], certificate: [], verification: [], objection: [], petition: [] },
        }
      : { credits: {} },
  )
})
afterAll(() => {
  if (taroEnv === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV')
  else process.env.TARO_ENV = taroEnv
})

describe('subscribe messages through wx.requestSubscribeMessage', () => {
  it('asks WeChat for the action’s templates and reports what the person accepted', async () => {
    await prepareSubscribe()
    wx.succeed('requestSubscribeMessage', { 'T-reply': 'accept' })
    await askToSubscribe('grievance')
    await flush()
    expect(wx.callsOf('requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: ['T-reply'] })])
    expect(reports()).toEqual([
      [subscriptionsRoutes.report, { body: { results: { 'T-reply': 'accept' } } }, { toast: false }],
    ])
  })

  it('goes on without a report when WeChat refuses to ask (the switch is off)', async () => {
    await prepareSubscribe()
    wx.fail('requestSubscribeMessage', 'can only be invoked by user TAP gesture.')
    await expect(askToSubscribe('grievance')).resolves.toBeUndefined()
    await flush()
    expect(reports()).toEqual([])
  })

  it('asks WeChat nothing for an action without templates', async () => {
    await prepareSubscribe()
    await askToSubscribe('certificate')
    expect(wx.callsOf('requestSubscribeMessage')).toEqual([])
  })
})
