import Taro from '@tarojs/taro'
import { PUBLIC_TAB_INDEX } from '@/routes'
import { resetNoticeBadge, showNoticeBadge } from './noticeBadge'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { setTabBarBadge: jest.fn(), removeTabBarBadge: jest.fn() },
}))

const set = Taro.setTabBarBadge as unknown as jest.Mock
const remove = Taro.removeTabBarBadge as unknown as jest.Mock
const flush = () => new Promise((r) => setImmediate(r))

beforeEach(() => {
  resetNoticeBadge()
  set.mockReset().mockResolvedValue({})
  remove.mockReset().mockResolvedValue({})
})

describe('the 公开 tab badge', () => {
  it('shows the number of notices not yet seen on the 公开 tab', () => {
    showNoticeBadge(3)
    expect(PUBLIC_TAB_INDEX).toBe(2)
    expect(set).toHaveBeenCalledWith({ index: 2, text: '3' })
  })

  it('caps a long backlog at 99+', () => {
    showNoticeBadge(250)
    expect(set).toHaveBeenCalledWith({ index: 2, text: '99+' })
  })

  it('takes the badge away once everything is read', () => {
    showNoticeBadge(2)
    showNoticeBadge(0)
    expect(remove).toHaveBeenCalledWith({ index: 2 })
  })

  it('does not call again while the count is unchanged', () => {
    showNoticeBadge(2)
    showNoticeBadge(2)
    showNoticeBadge(2)
    expect(set).toHaveBeenCalledTimes(1)
  })

  it('tries again after a call made with no tab bar on screen failed', async () => {
    set.mockRejectedValueOnce(new Error('setTabBarBadge:fail not TabBar page'))
    showNoticeBadge(4)
    await flush()
    showNoticeBadge(4)
    expect(set).toHaveBeenCalledTimes(2)
  })
})
