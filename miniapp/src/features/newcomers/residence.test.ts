import { votesLine } from './residence'

describe('votesLine', () => {
  it('says in one sentence what a residence means for the vote', () => {
    expect(votesLine({ votes: { election: true, other: true } })).toBe('参加村民会议的选举和其他事项表决')
    expect(votesLine({ votes: { election: true, other: false } })).toContain('其他事项的表决不参加')
    expect(votesLine({ votes: { election: false, other: false } })).toBe('不参加村民会议的选举和表决')
  })
})
