import { AuditEntry } from '../audit/entities/audit-entry.entity'
import { AuditHead } from '../audit/entities/audit-head.entity'
import { StoredFile } from '../files/entities/stored-file.entity'
import { IdempotencyRecord } from '../idempotency/entities/idempotency-record.entity'
import { JobLease } from '../jobs/job-lease.entity'

/**
 * The tables core itself keeps: the audit chain, idempotency records, job leases and stored files.
 * The modules list theirs in their own entities/index.ts; src/entities.ts gathers them all.
 */
export const CORE_ENTITIES = [AuditEntry, AuditHead, IdempotencyRecord, JobLease, StoredFile]

/** A list of entity classes, as the data source takes it. */
export type EntityList = readonly Function[]
