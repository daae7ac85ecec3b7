import { NewcomerApplication } from './newcomer-application.entity'

/** The table of newcomers' applications; the residence itself lives on the roster's resident row. */
export const NEWCOMERS_ENTITIES = [NewcomerApplication]
