import { Column, Entity, PrimaryColumn } from 'typeorm'

/**
 * The last sequence issued per village and year. Issuing locks this row (FOR UPDATE on MySQL; SQLite
 * transactions are serialised), so numbers come out one after another with no gap and no repeat.
 */
@Entity('certificate_counter')
export class CertificateCounter {
  @PrimaryColumn({ type: 'int' })
  villageId: number

  @PrimaryColumn({ type: 'int' })
  year: number

  @Column({ type: 'int' })
  lastSequence: number
}
