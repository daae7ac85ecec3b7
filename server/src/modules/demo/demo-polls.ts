import { beijingDate, type PollCreate } from '@xiangli/shared'
import type { PollsService } from '../polls/polls.service'

/** 柳林村's open poll (问卷), with a few answers already counted; residents see the counts before the end. */
export async function seedDemoPolls(
  m: Parameters<PollsService['seedDemo']>[0],
  polls: PollsService,
  villageId: number,
  residentIdOf: (name: string) => number,
  now: Date,
): Promise<void> {
  const poll: PollCreate & { createdByName: string } = {
    title: '文化广场晚上开放到几点',
    explanation: '有村民反映广场晚上跳舞的音乐太晚，也有人想多跳一会儿。先听听大家的想法，再商量办法。',
    questions: [
      { text: '晚上几点关音响合适？', multiple: false, options: ['8点半', '9点', '9点半'] },
      { text: '广场还希望添些什么？', multiple: true, options: ['座椅', '路灯', '健身器材', '垃圾桶'] },
    ],
    endsOn: beijingDate(new Date(now.getTime() + 14 * 86_400_000)),
    resultsBeforeEnd: true,
    createdByName: '张丽',
  }
  await polls.seedDemo(m, villageId, poll, [
    { residentId: residentIdOf('刘长青'), choices: [[1], [0, 1]] },
    { residentId: residentIdOf('罗振华'), choices: [[1], [2]] },
    { residentId: residentIdOf('唐国平'), choices: [[2], [0, 3]] },
  ])
}
