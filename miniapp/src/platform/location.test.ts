import { fakeWx } from '@/test/fakeWx'
import { pickLocation } from './location'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('@/test/fakeWx').taroModule())

const wx = fakeWx()
beforeEach(() => wx.reset())

describe('picking a place on the map', () => {
  it('answers the place chosen, named by its name before its address', async () => {
    wx.succeed('chooseLocation', {
      name: '村口老槐树',
      address: '柳林村一组',
      latitude: 30.1,
      longitude: 120.2,
    })
    await expect(pickLocation()).resolves.toEqual({ lat: 30.1, lng: 120.2, address: '村口老槐树' })
  })

  it('falls back to the address and keeps it to 100 characters', async () => {
    wx.succeed('chooseLocation', { name: '', address: '路'.repeat(150), latitude: 1, longitude: 2 })
    expect((await pickLocation())!.address).toHaveLength(100)
  })

  it('answers null when the map is closed without choosing', async () => {
    wx.cancel('chooseLocation')
    await expect(pickLocation()).resolves.toBeNull()
  })

  it('says plainly that permission was refused, and how to go on', async () => {
    wx.fail('chooseLocation', 'auth deny')
    await expect(pickLocation()).rejects.toThrow(
      '没有得到选择位置的许可，可以直接写下地点，或在设置里允许后再试',
    )
  })

  it('says plainly that the map did not open on any other failure', async () => {
    wx.fail('chooseLocation', 'system error')
    await expect(pickLocation()).rejects.toThrow('地图打不开，可以直接写下地点')
  })
})
