import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { Moderation, ObjectionState, ProxyRecord } from '@xiangli/shared'

/** 异议: a resident's objection to a notice during its publicity period, and the answers to it. */
@Entity('notice_objection')
@Index('ix_notice_objection_notice', ['noticeId', 'submittedAt'])
@Index('ix_notice_objection_village', ['villageId', 'state', 'dueAt'])
export class NoticeObjection {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  noticeId: number

  @Column({ type: 'int' })
  villageId: number

  /** null when filed (代办) for a resident who has not logged in yet */
  @Index('ix_notice_objection_objector')
  @Column({ type: 'int', nullable: true })
  objectorAccountId: number | null

  /** the objector's roster row; null for objections made before 代办, by whoever was not on the roster */
  @Index('ix_notice_objection_objector_resident')
  @Column({ type: 'int', nullable: true })
  objectorResidentId: number | null

  /** 代办: who objected for the objector, and the objector's consent; null when they objected themselves */
  @Column({ type: 'simple-json', nullable: true })
  proxy: ProxyRecord | null

  @Column({ type: 'varchar', length: 30 })
  objectorName: string

  @Column({ type: 'text' })
  text: string

  @Column({ type: 'simple-json', nullable: true })
  photoIds: number[] | null

  @Column({ type: 'varchar', length: 20 })
  state: ObjectionState

  @Column({ type: 'datetime' })
  submittedAt: Date

  /** the committee must answer before this (submittedAt + the village's objectionReplyDays) */
  @Column({ type: 'datetime' })
  dueAt: Date

  @Column({ type: 'text', nullable: true })
  answer: string | null

  @Column({ type: 'simple-json', nullable: true })
  answerPhotoIds: number[] | null

  @Column({ type: 'datetime', nullable: true })
  answeredAt: Date | null

  @Column({ type: 'int', nullable: true })
  answeredByAccountId: number | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  answeredByName: string | null

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null

  @Column({ type: 'text', nullable: true })
  escalationReason: string | null

  @Column({ type: 'datetime', nullable: true })
  escalatedAt: Date | null

  @Column({ type: 'text', nullable: true })
  townshipAnswer: string | null

  @Column({ type: 'datetime', nullable: true })
  townshipAnsweredAt: Date | null

  @Column({ type: 'varchar', length: 30, nullable: true })
  townshipAnsweredByName: string | null

  /** the content check of its text and photos: the objector, the 两委 and the township see it until it is shown */
  @Column({ type: 'varchar', length: 10, default: 'shown' })
  moderation: Moderation

  /** the content check of the 两委's answer (its text and photos); null until answered */
  @Column({ type: 'varchar', length: 10, nullable: true })
  answerModeration: Moderation | null
}
