import { ContentCheck, ContentCheckMedia } from './content-check.entity'

/** The tables of the content check; the data source gathers every module's list (src/entities.ts). */
export const CONTENT_CHECK_ENTITIES = [ContentCheck, ContentCheckMedia]
