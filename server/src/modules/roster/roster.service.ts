import { Injectable } from '@nestjs/common'
import { DataSource, In, Like, type EntityManager, type FindOptionsWhere } from 'typeorm'
import {
  ageOn,
  maskIdNumber,
  parseRosterRow,
  sortRoles,
  type HouseholdView,
  type Page,
  type ResidentQuery,
  type ResidentView,
  type Role,
  type RosterImportFailure,
  type RosterImportResult,
  type RosterRow,
} from '@xiangli/shared'
import { AuditService, sha256, type Actor } from '../../core/audit/audit.service'
import { TxService } from '../../core/tx/tx.service'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import type { Principal } from '../../core/auth/principal'
import { OrgsService } from '../orgs/orgs.service'
import { Org } from '../orgs/entities/org.entity'
import { RoleAssignment } from '../roles/entities/role-assignment.entity'
import { Household } from './entities/household.entity'
import { Resident } from './entities/resident.entity'
import { readRosterFile } from './roster-file'

const CHUNK = 200

@Injectable()
export class RosterService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly orgs: OrgsService,
  ) {}

  async listResidents(villageId: number, q: ResidentQuery, viewer: Principal): Promise<Page<ResidentView>> {
    const base: FindOptionsWhere<Resident> = { villageId }
    if (q.householdId) base.householdId = q.householdId
    const where = q.q ? [{ ...base, name: Like(`%${q.q.replace(/[%_\\]/g, '')}%`) }] : [base]
    const [rows, total] = await this.ds.getRepository(Resident).findAndCount({
      where,
      order: { householdId: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
    return { items: await this.residentViews(rows, viewer), total, page: q.page, pageSize: q.pageSize }
  }

  private async residentViews(rows: Resident[], viewer: Principal): Promise<ResidentView[]> {
    if (rows.length === 0) return []
    const households = new Map(
      (
        await this.ds
          .getRepository(Household)
          .findBy({ id: In([...new Set(rows.map((r) => r.householdId))]) })
      ).map((h) => [h.id, h]),
    )
    const groupIds = [...households.values()].map((h) => h.groupId).filter((id): id is number => id !== null)
    const groups = new Map(
      (groupIds.length ? await this.ds.getRepository(Org).findBy({ id: In(groupIds) }) : []).map((g) => [
        g.id,
        g.name,
      ]),
    )
    const roles = new Map<number, Role[]>()
    for (const a of await this.ds
      .getRepository(RoleAssignment)
      .findBy({ residentId: In(rows.map((r) => r.id)) })) {
      roles.set(a.residentId!, [...(roles.get(a.residentId!) ?? []), a.role])
    }
    const today = new Date()
    return rows.map((r) => {
      const h = households.get(r.householdId)
      return {
        id: r.id,
        name: r.name,
        sex: r.sex,
        birthDate: r.birthDate,
        age: ageOn(r.birthDate, today),
        // a person sees their own number in full; everyone else, the committee included, sees it masked
        idNumber:
          r.accountId !== null && r.accountId === viewer.accountId
            ? this.crypto.decrypt(r.idNumberEnc)
            : r.idNumberMasked,
        phone: r.phone,
        householdId: r.householdId,
        householdCode: h?.code ?? '',
        groupName: h?.groupId ? (groups.get(h.groupId) ?? null) : null,
        isHouseholdHead: r.isHouseholdHead,
        isHouseholdRep: r.isHouseholdRep,
        residency: r.residency,
        linked: r.accountId !== null,
        roles: sortRoles(roles.get(r.id) ?? []),
      }
    })
  }

  async listHouseholds(villageId: number, page: number, pageSize: number): Promise<Page<HouseholdView>> {
    const [rows, total] = await this.ds.getRepository(Household).findAndCount({
      where: { villageId },
      order: { code: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    })
    const ids = rows.map((h) => h.id)
    const members = ids.length
      ? await this.ds
          .getRepository(Resident)
          .createQueryBuilder('r')
          .select('r.householdId', 'householdId')
          .addSelect('COUNT(*)', 'n')
          .where('r.householdId IN (:...ids)', { ids })
          .groupBy('r.householdId')
          .getRawMany<{ householdId: number; n: string | number }>()
      : []
    const counts = new Map(members.map((m) => [Number(m.householdId), Number(m.n)]))
    const headIds = rows.map((h) => h.headResidentId).filter((id): id is number => id !== null)
    const heads = new Map(
      (headIds.length ? await this.ds.getRepository(Resident).findBy({ id: In(headIds) }) : []).map((r) => [
        r.id,
        r.name,
      ]),
    )
    const groupIds = rows.map((h) => h.groupId).filter((id): id is number => id !== null)
    const groups = new Map(
      (groupIds.length ? await this.ds.getRepository(Org).findBy({ id: In(groupIds) }) : []).map((g) => [
        g.id,
        g.name,
      ]),
    )
    return {
      items: rows.map((h) => ({
        id: h.id,
        code: h.code,
        address: h.address,
        groupName: h.groupId ? (groups.get(h.groupId) ?? null) : null,
        headName: h.headResidentId ? (heads.get(h.headResidentId) ?? null) : null,
        memberCount: counts.get(h.id) ?? 0,
      })),
      total,
      page,
      pageSize,
    }
  }

  /**
   * Imports a roster sheet: every good row goes in, every bad row comes back with its row number and
   * the reason; the good rows are written in one transaction, so a failure leaves nothing half-done.
   */
  async import(villageId: number, file: Buffer, filename: string, actor: Actor): Promise<RosterImportResult> {
    const village = await this.orgs.village(villageId)
    const sheet = await readRosterFile(file, filename)
    const failed: RosterImportFailure[] = []
    const good: { row: number; data: RosterRow; idHash: string }[] = []
    const seen = new Map<string, number>()
    const existing = new Set(
      (
        await this.ds.getRepository(Resident).find({ where: { villageId }, select: ['id', 'idNumberHash'] })
      ).map((r) => r.idNumberHash),
    )
    for (const s of sheet) {
      if (s.numericId) {
        failed.push({
          row: s.row,
          reason: '身份证号被表格存成了数字（后几位会丢失），请把这一列设为“文本”格式后重新填写',
        })
        continue
      }
      const parsed = parseRosterRow(s.raw)
      if (!parsed.ok) {
        failed.push({ row: s.row, reason: parsed.reason })
        continue
      }
      const idHash = this.crypto.blindIndex(parsed.row.idNumber)
      const earlier = seen.get(idHash)
      if (earlier !== undefined) {
        failed.push({ row: s.row, reason: `身份证号与第 ${earlier} 行重复` })
        continue
      }
      if (existing.has(idHash)) {
        failed.push({ row: s.row, reason: '此人已在花名册中' })
        continue
      }
      seen.set(idHash, s.row)
      good.push({ row: s.row, data: parsed.row, idHash })
    }

    const householdsCreated = await this.tx.run(async (m) => {
      const groupIds = await this.ensureGroups(
        m,
        village,
        good.map((g) => g.data.groupName),
      )
      const households = new Map(
        (await m.getRepository(Household).findBy({ villageId })).map((h) => [h.code, h]),
      )
      let created = 0
      for (const g of good) {
        if (households.has(g.data.householdCode)) continue
        const h = await m.getRepository(Household).save({
          villageId,
          code: g.data.householdCode,
          address: g.data.address,
          groupId: g.data.groupName ? (groupIds.get(g.data.groupName) ?? null) : null,
          headResidentId: null,
        })
        households.set(h.code, h)
        created++
      }
      const residents = good.map((g) => ({
        villageId,
        householdId: households.get(g.data.householdCode)!.id,
        name: g.data.name,
        sex: g.data.sex,
        birthDate: g.data.birthDate,
        idNumberEnc: this.crypto.encrypt(g.data.idNumber),
        idNumberHash: g.idHash,
        idNumberMasked: maskIdNumber(g.data.idNumber),
        phone: g.data.phone,
        isHouseholdHead: g.data.isHouseholdHead,
        isHouseholdRep: g.data.isHouseholdRep,
        residency: g.data.residency,
        accountId: null,
      }))
      for (let i = 0; i < residents.length; i += CHUNK)
        await m.getRepository(Resident).insert(residents.slice(i, i + CHUNK))
      const heads = await m.getRepository(Resident).find({
        where: {
          villageId,
          isHouseholdHead: true,
          idNumberHash: In(
            good
              .filter((g) => g.data.isHouseholdHead)
              .map((g) => g.idHash)
              .concat(['-']),
          ),
        },
        select: ['id', 'householdId'],
      })
      for (const head of heads)
        await m.getRepository(Household).update({ id: head.householdId }, { headResidentId: head.id })
      await this.audit.append(m, {
        actor,
        action: 'roster.imported',
        orgId: villageId,
        targetType: 'roster',
        targetId: villageId,
        after: {
          file: sha256(file.toString('base64')),
          imported: good.length,
          failedRows: failed.map((f) => f.row),
          householdsCreated: created,
        },
      })
      return created
    })
    failed.sort((a, b) => a.row - b.row)
    return { totalRows: sheet.length, imported: good.length, householdsCreated, failed }
  }

  private async ensureGroups(
    m: EntityManager,
    village: Org,
    names: (string | null)[],
  ): Promise<Map<string, number>> {
    const groups = await m.getRepository(Org).findBy({ parentId: village.id, kind: 'group' })
    const byName = new Map(groups.map((g) => [g.name, g.id]))
    let n = groups.length
    for (const name of new Set(names.filter((x): x is string => Boolean(x)))) {
      if (byName.has(name)) continue
      n++
      const g = await m.getRepository(Org).save({
        kind: 'group' as const,
        name,
        code: `${village.code}-G${String(n).padStart(3, '0')}`,
        parentId: village.id,
        settings: null,
      })
      byName.set(name, g.id)
    }
    return byName
  }
}
