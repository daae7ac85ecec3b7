import { sharePath, shareUrl } from './share'

describe('share links', () => {
  it('points the WeChat share card at the public page with the notice', () => {
    expect(sharePath(12)).toBe('/pages/notice/index?id=12')
  })

  it('makes the hash-routed address of the public page for a browser', () => {
    expect(shareUrl(12, 'https://xiangli.example/')).toBe(
      'https://xiangli.example/#/pages/notice/index?id=12',
    )
    expect(shareUrl(12)).toBe('/#/pages/notice/index?id=12')
  })
})
