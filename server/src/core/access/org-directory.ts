import { Injectable } from '@nestjs/common'
import { DataSource } from 'typeorm'
import type { OrgKind } from '@xiangli/shared'

/** What access checks need of an organisation: where it sits in the hierarchy. */
export interface OrgRef {
  id: number
  kind: OrgKind
  parentId: number | null
  name: string
}

/**
 * Looks organisations up for the access layer without reaching into the orgs module (core imports
 * nothing from modules): one indexed read by primary key.
 */
@Injectable()
export class OrgDirectory {
  constructor(private readonly ds: DataSource) {}

  async find(id: number): Promise<OrgRef | null> {
    const [row] = (await this.ds.query('SELECT id, kind, parentId, name FROM org WHERE id = ?', [id])) as {
      id: number | string
      kind: OrgKind
      parentId: number | string | null
      name: string
    }[]
    if (!row) return null
    return {
      id: Number(row.id),
      kind: row.kind,
      parentId: row.parentId === null ? null : Number(row.parentId),
      name: row.name,
    }
  }
}
