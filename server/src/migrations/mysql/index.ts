import { Initial1795607028899Mysql } from './1795607028899-Initial'

export const MYSQL_MIGRATIONS: Function[] = [Initial1795607028899Mysql]
