import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { Role } from '@xiangli/shared'

/**
 * A role held in one organisation. Village roles belong to a roster row (the person is a villager, and
 * the role follows them to whichever account they verify with); township and admin roles belong to
 * an account. The `holder` column makes the pair unique on every database, NULLs included.
 */
@Entity('role_assignment')
@Index('uq_role_assignment', ['orgId', 'role', 'holder'], { unique: true })
export class RoleAssignment {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  orgId: number

  @Column({ type: 'varchar', length: 32 })
  role: Role

  @Index('ix_role_assignment_resident')
  @Column({ type: 'int', nullable: true })
  residentId: number | null

  @Index('ix_role_assignment_account')
  @Column({ type: 'int', nullable: true })
  accountId: number | null

  /** 'r:<residentId>' or 'a:<accountId>' */
  @Column({ type: 'varchar', length: 24 })
  holder: string

  @CreateDateColumn()
  createdAt: Date
}
