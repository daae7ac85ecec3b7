import { sharePath, shareUrl } from './share'

describe('share links', () => {
  it('points the WeChat share card at the public page with the notice', () => {
    expect(sharePath(12)).toBe('/pages/notice/index?id=12')
  })

  it('makes the address of the plain page the server renders, for a chat or the notice board', () => {
    expect(shareUrl(12, 'https://xiangli.example/')).toBe('https://xiangli.example/notices/12')
    expect(shareUrl(12)).toBe('/notices/12')
  })
})
