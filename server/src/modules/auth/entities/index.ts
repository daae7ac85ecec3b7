import { Account } from './account.entity'
import { AuthSession } from './auth-session.entity'
import { RefreshToken } from './refresh-token.entity'

/** The tables of accounts, their logins and refresh tokens; the data source gathers every module's list (src/entities.ts). */
export const AUTH_ENTITIES = [Account, AuthSession, RefreshToken]
