import { PollChoice, PollRespondent } from './poll-answer.entity'
import { Poll } from './poll.entity'

/** The tables of polls (问卷): the polls, who answered, and the choices, apart. */
export const POLLS_ENTITIES = [Poll, PollRespondent, PollChoice]
