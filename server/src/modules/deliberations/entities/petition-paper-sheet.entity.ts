import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'

/**
 * 纸质签名表: a sheet residents signed on paper, recorded by staff with its photo. The people it
 * counted are petition_signature rows naming it (sheetId); those who had signed before and those who
 * may not sign are kept here, so the sheet shows all it held.
 */
@Entity('petition_paper_sheet')
@Index('ix_petition_paper_sheet_petition', ['petitionId', 'id'])
export class PetitionPaperSheet {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  petitionId: number

  @Column({ type: 'int' })
  villageId: number

  /** the photo of the signed sheet */
  @Column({ type: 'int' })
  photoId: number

  /** roster ids newly counted by this sheet */
  @Column({ type: 'simple-json' })
  counted: number[]

  /** roster ids on the sheet who had signed already (online or on an earlier sheet) */
  @Column({ type: 'simple-json' })
  alreadySigned: number[]

  /** roster ids on the sheet who may not sign this petition */
  @Column({ type: 'simple-json' })
  notEligible: number[]

  @Column({ type: 'int' })
  recordedByAccountId: number

  @Column({ type: 'varchar', length: 30 })
  recordedByName: string

  @CreateDateColumn()
  recordedAt: Date
}
