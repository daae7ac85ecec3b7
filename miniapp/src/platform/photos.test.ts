import { fakeWx } from '@/test/fakeWx'
import { choosePhotos } from './photos'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())

const wx = fakeWx()
beforeEach(() => wx.reset())

describe('choosing photos on WeChat', () => {
  it('takes compressed images only, with wx.chooseMedia, and answers their paths', async () => {
    wx.succeed('chooseMedia', {
      tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }, { tempFilePath: 'wxfile://b.jpg' }],
    })
    await expect(choosePhotos(3)).resolves.toEqual(['wxfile://a.jpg', 'wxfile://b.jpg'])
    expect(wx.callsOf('chooseMedia')).toEqual([
      expect.objectContaining({ count: 3, mediaType: ['image'], sizeType: ['compressed'] }),
    ])
  })

  it('adds nothing when the person closes the picker or refuses the camera', async () => {
    wx.cancel('chooseMedia')
    await expect(choosePhotos(2)).resolves.toEqual([])
    wx.fail('chooseMedia', 'auth deny')
    await expect(choosePhotos(2)).resolves.toEqual([])
  })

  it('asks nothing when there is no room left', async () => {
    await expect(choosePhotos(0)).resolves.toEqual([])
    expect(wx.calls).toEqual([])
  })
})
