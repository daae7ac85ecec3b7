import { RoleAssignment } from './role-assignment.entity'

/** The tables of who holds which role; the data source gathers every module's list (src/entities.ts). */
export const ROLES_ENTITIES = [RoleAssignment]
