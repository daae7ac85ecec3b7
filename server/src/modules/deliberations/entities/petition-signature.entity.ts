import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * One co-signature, insert-only. The unique key (petition, roster person) is the one-signature rule;
 * what the signer counted as (a villager or resident aged 18+, a representative, their household) is
 * written at signing, so the counts are plain SQL aggregates.
 */
@Entity('petition_signature')
@Index('uq_petition_signature', ['petitionId', 'residentId'], { unique: true })
export class PetitionSignature {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  petitionId: number

  @Column({ type: 'int' })
  residentId: number

  @Column({ type: 'int' })
  householdId: number

  /** the account that signed online; null for a signature on a paper sheet */
  @Column({ type: 'int', nullable: true })
  accountId: number | null

  /** the paper sheet it was signed on; null when signed online */
  @Column({ type: 'int', nullable: true })
  sheetId: number | null

  /** counts towards the villagers (residents) aged 18+ */
  @Column({ type: 'boolean' })
  asAdult: boolean

  /** counts towards the representatives */
  @Column({ type: 'boolean' })
  asRepresentative: boolean

  @CreateDateColumn()
  createdAt: Date
}
