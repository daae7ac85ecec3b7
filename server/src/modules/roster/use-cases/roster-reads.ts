import { Injectable } from '@nestjs/common'
import {
  ageOn,
  residenceSettingsOf,
  type HouseholdView,
  type Page,
  type PageQuery,
  type ResidentQuery,
  type ResidentView,
} from '@xiangli/shared'
import type { Viewer } from '../../../core/access/viewer'
import { Clock } from '../../../core/clock/clock'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { FilesService } from '../../../core/files/files.service'
import { OrgsService } from '../../orgs/orgs.service'
import { RoleHolders } from '../../roles/role-holders'
import type { Resident } from '../entities/resident.entity'
import { seesFullIdNumber, seesFullPhone, seesResidenceProof } from '../roster.policy'
import { presentHousehold, presentResident } from '../roster.presenter'
import { RosterRepository } from '../roster.repository'

const notNull = (id: number | null): id is number => id !== null

/** Reading the roster: its people with their households, groups and roles, and its households. */
@Injectable()
export class RosterReads {
  constructor(
    private readonly repo: RosterRepository,
    private readonly orgs: OrgsService,
    private readonly roles: RoleHolders,
    private readonly crypto: FieldCrypto,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {}

  async residents(v: Viewer, villageId: number, q: ResidentQuery): Promise<Page<ResidentView>> {
    const { rows, total } = await this.repo.residentsPage(villageId, q)
    return { items: await this.present(v, villageId, rows), total, page: q.page, pageSize: q.pageSize }
  }

  /** One person of the village's roster as its 两委 see it, or null. */
  async one(v: Viewer, villageId: number, id: number): Promise<ResidentView | null> {
    const r = await this.repo.full(villageId, id)
    return r ? ((await this.present(v, villageId, [r]))[0] ?? null) : null
  }

  private async present(v: Viewer, villageId: number, rows: Resident[]): Promise<ResidentView[]> {
    if (rows.length === 0) return []
    const residenceSettings = residenceSettingsOf((await this.orgs.village(villageId)).settings)
    const households = await this.repo.households(rows.map((r) => r.householdId))
    const groups = await this.orgs.names([...households.values()].map((h) => h.groupId).filter(notNull))
    const roles = await this.roles.rolesOfResidents(rows.map((r) => r.id))
    const today = this.clock.now()
    return rows.map((r) => {
      const h = households.get(r.householdId)
      return presentResident(r, {
        household: h,
        groupName: h?.groupId ? (groups.get(h.groupId) ?? null) : null,
        roles: roles.get(r.id) ?? [],
        age: ageOn(r.birthDate, today),
        idNumber: seesFullIdNumber(v, r) ? this.crypto.decrypt(r.idNumberEnc) : r.idNumberMasked,
        phone: r.phoneEnc && seesFullPhone(v, r) ? this.crypto.decrypt(r.phoneEnc) : r.phoneMasked,
        proofUrl:
          r.proofFileId !== null && seesResidenceProof(v, r) ? this.files.signedUrl(r.proofFileId) : null,
        residenceSettings,
      })
    })
  }

  async households(villageId: number, q: PageQuery): Promise<Page<HouseholdView>> {
    const [rows, total] = await this.repo.householdsPage(villageId, q)
    const counts = await this.repo.memberCounts(rows.map((h) => h.id))
    const heads = await this.repo.names(rows.map((h) => h.headResidentId).filter(notNull))
    const groups = await this.orgs.names(rows.map((h) => h.groupId).filter(notNull))
    return {
      items: rows.map((h) =>
        presentHousehold(h, {
          groupName: h.groupId ? (groups.get(h.groupId) ?? null) : null,
          headName: h.headResidentId ? (heads.get(h.headResidentId) ?? null) : null,
          memberCount: counts.get(h.id) ?? 0,
        }),
      ),
      total,
      page: q.page,
      pageSize: q.pageSize,
    }
  }
}
