import { DEFAULT_CHECK_IN_LEAD_MINUTES } from '@xiangli/shared'

/** Stored-file attachment type of a paper notice's photos. */
export const FILES_OF_PAPER_NOTICE = 'meeting_paper_notice'

/** A name as the meeting records keep it: at most 30 characters. */
export const shortName = (s: string): string => Array.from(s).slice(0, 30).join('')

/** How long before the meeting check-in opens: the village's setting, or the default. */
export const leadMinutesOr = (setting: number | null): number => setting ?? DEFAULT_CHECK_IN_LEAD_MINUTES
