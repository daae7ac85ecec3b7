import { fakeWx } from '@/test/fakeWx'
import { saveProtectedFile } from './saveFile'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())
jest.mock('@/api/request', () => ({ api: { refresh: jest.fn(async () => undefined) } }))
jest.mock('@/store/tokens', () => ({ tokensStore: { get: () => ({ accessToken: 'tok' }) } }))

const wx = fakeWx()
;(globalThis as { API_BASE?: string }).API_BASE = 'https://xiangli.example.cn'
const PATH = '/api/me/data/export'
const copyText = jest.fn(async () => '{"accountId":2}')

const taroEnv = process.env.TARO_ENV
beforeEach(() => {
  wx.reset()
  copyText.mockClear()
  process.env.TARO_ENV = 'weapp'
})
afterAll(() => {
  if (taroEnv === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV')
  else process.env.TARO_ENV = taroEnv
})

describe('keeping 我的数据 on WeChat', () => {
  it('downloads the file with the token and sends it to a chat the person picks', async () => {
    wx.succeed('downloadFile', { statusCode: 200, tempFilePath: 'wxfile://tmp/data.json' })
    wx.succeed('shareFileMessage')
    await expect(saveProtectedFile(PATH, 'my.json', copyText)).resolves.toBe('shared')
    expect(wx.callsOf('downloadFile')[0]).toMatchObject({ header: { Authorization: 'Bearer tok' } })
    expect(wx.callsOf('shareFileMessage')[0]).toMatchObject({
      filePath: 'wxfile://tmp/data.json',
      fileName: 'my.json',
    })
    expect(copyText).not.toHaveBeenCalled()
  })

  it('does nothing more when the person closes the chat picker', async () => {
    wx.succeed('downloadFile', { statusCode: 200, tempFilePath: 'wxfile://tmp/data.json' })
    wx.cancel('shareFileMessage')
    await expect(saveProtectedFile(PATH, 'my.json', copyText)).resolves.toBe('cancelled')
    expect(wx.callsOf('setClipboardData')).toEqual([])
  })

  it('copies the text instead where WeChat cannot send files', async () => {
    wx.succeed('downloadFile', { statusCode: 200, tempFilePath: 'wxfile://tmp/data.json' })
    wx.fail('shareFileMessage', 'not supported')
    wx.succeed('setClipboardData')
    await expect(saveProtectedFile(PATH, 'my.json', copyText)).resolves.toBe('copied')
    expect(wx.callsOf('setClipboardData')[0]).toMatchObject({ data: '{"accountId":2}' })
  })

  it('says plainly when the server refuses or the download fails', async () => {
    wx.succeed('downloadFile', { statusCode: 403, tempFilePath: '' })
    await expect(saveProtectedFile(PATH, 'my.json', copyText)).rejects.toThrow('您没有权限打开这个文件')
    wx.fail('downloadFile', 'timeout')
    await expect(saveProtectedFile(PATH, 'my.json', copyText)).rejects.toThrow(
      '文件没有下载下来，请检查网络后再试',
    )
  })
})
