import { fakeWx } from '@/test/fakeWx'
import { uploadFile } from './upload'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())

const wx = fakeWx()
beforeEach(() => wx.reset())

const req = {
  url: 'https://x.example.cn/api/villages/3/uploads',
  filePath: 'wxfile://tmp/1.jpg',
  field: 'file',
  headers: { Authorization: 'Bearer t' },
}

describe('uploading a file with wx.uploadFile', () => {
  it('sends the file in its field with the headers, and reads the JSON answer', async () => {
    wx.succeed('uploadFile', { statusCode: 201, data: '{"id":7}' })
    await expect(uploadFile({ ...req, fileName: 'a.jpg' })).resolves.toEqual({ status: 201, data: { id: 7 } })
    expect(wx.callsOf('uploadFile')).toEqual([
      expect.objectContaining({
        url: req.url,
        filePath: req.filePath,
        name: 'file',
        header: req.headers,
        fileName: 'a.jpg',
      }),
    ])
  })

  it('hands over an answer that is not JSON as it came', async () => {
    wx.succeed('uploadFile', { statusCode: 502, data: 'Bad Gateway' })
    await expect(uploadFile(req)).resolves.toEqual({ status: 502, data: 'Bad Gateway' })
  })

  it('reports progress while the file goes up', async () => {
    wx.hang('uploadFile')
    const seen: number[] = []
    void uploadFile({ ...req, onProgress: (p) => seen.push(p) })
    wx.progress('uploadFile', 40)
    wx.progress('uploadFile', 100)
    expect(seen).toEqual([40, 100])
  })

  it('fails with a plain sentence when the file could not be sent', async () => {
    wx.fail('uploadFile', 'network error')
    await expect(uploadFile(req)).rejects.toThrow('文件没有传上去，请检查网络后再试')
  })
})
