import type { ResidenceView } from '@xiangli/shared'

/** What the person's residence means for the villagers' meeting's ballots, in one sentence. */
export function votesLine(r: Pick<ResidenceView, 'votes'>): string {
  if (r.votes.election && r.votes.other) return '参加村民会议的选举和其他事项表决'
  if (r.votes.election) return '参加选举；其他事项的表决不参加（按本村设定）'
  return '不参加村民会议的选举和表决'
}
