import { CreateDateColumn, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/** "我也遇到" (+1 same problem): one row per person and grievance, enforced by the unique key. */
@Entity('grievance_support')
@Index('uq_grievance_support', ['grievanceId', 'accountId'], { unique: true })
export class GrievanceSupport {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  grievanceId: number

  @Column({ type: 'int' })
  accountId: number

  @CreateDateColumn()
  createdAt: Date
}
