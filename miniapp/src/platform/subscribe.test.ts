import Taro from '@tarojs/taro'
import { subscriptionsRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { askToSubscribe, prepareSubscribe, resetSubscribe } from './subscribe'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }))
jest.mock('@/api/request', () => ({ call: jest.fn() }))

const wx = Taro as unknown as { requestSubscribeMessage?: jest.Mock }
const request = jest.fn()
const callMock = call as unknown as jest.Mock
const ACTIONS = {
  grievance: ['T-reply', 'T-accept'],
  certificate: ['T-cert'],
  verification: [],
  objection: [],
  petition: [],
}

const reports = () => callMock.mock.calls.filter(([route]) => route === subscriptionsRoutes.report)
const templateFetches = () => callMock.mock.calls.filter(([route]) => route === subscriptionsRoutes.templates)
const flush = () => new Promise((r) => setImmediate(r))

beforeEach(() => {
  resetSubscribe()
  process.env.TARO_ENV = 'weapp'
  request.mockReset()
  wx.requestSubscribeMessage = request
  callMock.mockReset()
  callMock.mockImplementation(async (route) => {
    if (route === subscriptionsRoutes.templates) return { actions: ACTIONS }
    return { credits: {} }
  })
})
const taroEnv = process.env.TARO_ENV
afterAll(() => {
  if (taroEnv === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV')
  else process.env.TARO_ENV = taroEnv
})

describe('asking for subscribe messages in a tap', () => {
  it('asks for the action’s templates at once, within the tap, and reports the answers', async () => {
    await prepareSubscribe()
    request.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'T-reply': 'accept',
      'T-accept': 'reject',
    })
    const asked = askToSubscribe('grievance')
    // before anything is awaited: WeChat shows the request only while it is still the tap
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['T-reply', 'T-accept'] }))
    await asked
    await flush()
    expect(reports()).toEqual([
      [
        subscriptionsRoutes.report,
        { body: { results: { 'T-reply': 'accept', 'T-accept': 'reject' } } },
        { toast: false },
      ],
    ])
  })

  it('reports a refusal too, and the submission goes on', async () => {
    await prepareSubscribe()
    request.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-cert': 'reject' })
    await expect(askToSubscribe('certificate')).resolves.toBeUndefined()
    await flush()
    expect(reports()[0]![1]).toEqual({ body: { results: { 'T-cert': 'reject' } } })
  })

  it('goes on without a word when WeChat will not ask (switched off, too old a version)', async () => {
    await prepareSubscribe()
    request.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
    await expect(askToSubscribe('grievance')).resolves.toBeUndefined()
    expect(reports()).toHaveLength(0)
  })

  it('goes on when the API is not there at all', async () => {
    await prepareSubscribe()
    wx.requestSubscribeMessage = undefined
    await expect(askToSubscribe('grievance')).resolves.toBeUndefined()
    expect(request).not.toHaveBeenCalled()
    expect(reports()).toHaveLength(0)
  })

  it('goes on when the report is lost', async () => {
    await prepareSubscribe()
    request.mockResolvedValue({ 'T-cert': 'accept' })
    callMock.mockImplementation(async (route) => {
      if (route === subscriptionsRoutes.templates) return { actions: ACTIONS }
      throw new Error('network down')
    })
    await expect(askToSubscribe('certificate')).resolves.toBeUndefined()
    await flush()
    expect(reports()).toHaveLength(1)
  })

  it('asks nothing for an action without templates', async () => {
    await prepareSubscribe()
    await askToSubscribe('petition')
    expect(request).not.toHaveBeenCalled()
  })

  it('asks nothing before the templates are known, and fetches them for next time', async () => {
    await askToSubscribe('grievance')
    expect(request).not.toHaveBeenCalled()
    await flush()
    expect(templateFetches()).toHaveLength(1)
    request.mockResolvedValue({ 'T-reply': 'accept', 'T-accept': 'accept' })
    await askToSubscribe('grievance')
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('fetches the templates once, and again after a failure', async () => {
    callMock.mockRejectedValueOnce(new Error('offline'))
    await prepareSubscribe()
    await prepareSubscribe()
    await prepareSubscribe()
    expect(templateFetches()).toHaveLength(2)
  })

  it('does nothing in the browser (H5)', async () => {
    process.env.TARO_ENV = 'h5'
    await prepareSubscribe()
    await askToSubscribe('grievance')
    expect(callMock).not.toHaveBeenCalled()
    expect(request).not.toHaveBeenCalled()
  })
})
