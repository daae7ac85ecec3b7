import { api } from '@/api/request'
import { fakeWx } from '@/test/fakeWx'
import { openProtectedFile } from './openDocument'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())
jest.mock('@/api/request', () => ({ api: { refresh: jest.fn(async () => undefined) } }))
jest.mock('@/store/tokens', () => ({ tokensStore: { get: () => ({ accessToken: 'tok' }) } }))

const wx = fakeWx()
const refresh = api.refresh as unknown as jest.Mock
;(globalThis as { API_BASE?: string }).API_BASE = 'https://xiangli.example.cn'
const PDF = '/api/villages/3/certificates/9/pdf'

const taroEnv = process.env.TARO_ENV
beforeEach(() => {
  wx.reset()
  refresh.mockClear()
  process.env.TARO_ENV = 'weapp'
})
afterAll(() => {
  if (taroEnv === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV')
  else process.env.TARO_ENV = taroEnv
})

describe('opening a certificate PDF on WeChat', () => {
  it('downloads it with the login token, then opens it as a PDF in WeChat’s viewer', async () => {
    wx.succeed('downloadFile', { statusCode: 200, tempFilePath: 'wxfile://tmp/cert.pdf' })
    wx.succeed('openDocument')
    await openProtectedFile(PDF, 'pdf', '证明.pdf')
    expect(wx.apis()).toEqual(['downloadFile', 'openDocument'])
    expect(wx.callsOf('downloadFile')[0]).toMatchObject({
      url: `https://xiangli.example.cn${PDF}`,
      header: { Authorization: 'Bearer tok' },
    })
    expect(wx.callsOf('openDocument')[0]).toMatchObject({
      filePath: 'wxfile://tmp/cert.pdf',
      fileType: 'pdf',
      showMenu: true,
    })
  })

  it('refreshes a token that ran out once and tries again', async () => {
    wx.succeed('downloadFile', { statusCode: 401, tempFilePath: '' })
    wx.succeed('downloadFile', { statusCode: 200, tempFilePath: 'wxfile://tmp/2.pdf' })
    wx.succeed('openDocument')
    await openProtectedFile(PDF, 'pdf', '证明.pdf')
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(wx.apis()).toEqual(['downloadFile', 'downloadFile', 'openDocument'])
  })

  it('says plainly what a refusal means and opens nothing', async () => {
    wx.succeed('downloadFile', { statusCode: 404, tempFilePath: '' })
    await expect(openProtectedFile(PDF, 'pdf', '证明.pdf')).rejects.toThrow('文件已经不在了，请刷新后再试')
    wx.succeed('downloadFile', { statusCode: 403, tempFilePath: '' })
    await expect(openProtectedFile(PDF, 'pdf', '证明.pdf')).rejects.toThrow('您没有权限打开这个文件')
    expect(wx.callsOf('openDocument')).toEqual([])
  })

  it('says plainly when the download fails or the phone cannot show the file', async () => {
    wx.fail('downloadFile', 'url not in domain list')
    await expect(openProtectedFile(PDF, 'pdf', '证明.pdf')).rejects.toThrow(
      '文件没有下载下来，请检查网络后再试',
    )
    wx.succeed('downloadFile', { statusCode: 200, tempFilePath: 'wxfile://tmp/3.pdf' })
    wx.fail('openDocument', 'filetype not supported')
    await expect(openProtectedFile(PDF, 'pdf', '证明.pdf')).rejects.toThrow(
      '文件已下载，但手机打不开它，请更新微信后再试',
    )
  })
})
