import { Initial1795607028899Sqlite } from './1795607028899-Initial'

export const SQLITE_MIGRATIONS: Function[] = [Initial1795607028899Sqlite]
