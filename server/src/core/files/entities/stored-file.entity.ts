import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import type { DocumentMime } from '../document-type'
import type { ImageMime } from '../image-type'

/**
 * An uploaded photo or document. The bytes live in the object store (UPLOAD_DIR or the S3 bucket),
 * named by their sha256, so the same content uploaded twice is stored once (a photo's re-encoded
 * bytes, whose thumbnail sits at `thumbs/<sha256>.webp`); each upload still gets its own row, owned by its uploader.
 * A file is private to its uploader until a workflow attaches it; from then on that workflow's
 * rules decide who may see it.
 */
@Entity('stored_file')
@Index('ix_stored_file_attached', ['attachedType', 'attachedId'])
export class StoredFile {
  @PrimaryGeneratedColumn()
  id: number

  @Column({ type: 'int' })
  villageId: number

  @Index('ix_stored_file_uploader')
  @Column({ type: 'int' })
  uploaderAccountId: number

  @Index('ix_stored_file_sha256')
  @Column({ type: 'varchar', length: 64 })
  sha256: string

  /** read from the content, never from the name or the client's claim (an .xlsx type is 65 characters) */
  @Column({ type: 'varchar', length: 100 })
  mime: ImageMime | DocumentMime

  @Column({ type: 'int' })
  size: number

  @Column({ type: 'int', nullable: true })
  width: number | null

  @Column({ type: 'int', nullable: true })
  height: number | null

  /** the object's key in the store (its path under UPLOAD_DIR on disk) */
  @Column({ type: 'varchar', length: 100 })
  storageKey: string

  /** e.g. 'grievance'; null while the file belongs to nothing yet */
  @Column({ type: 'varchar', length: 24, nullable: true })
  attachedType: string | null

  @Column({ type: 'int', nullable: true })
  attachedId: number | null

  @CreateDateColumn()
  createdAt: Date
}
