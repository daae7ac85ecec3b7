import { Injectable } from '@nestjs/common'
import { maskIdNumber, type RosterImportResult } from '@xiangli/shared'
import { AuditService, sha256, type Actor } from '../../../core/audit/audit.service'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { TxService } from '../../../core/tx/tx.service'
import { OrgsService } from '../../orgs/orgs.service'
import { readRosterFile } from '../roster-file'
import { RosterRepository } from '../roster.repository'
import { triageRows } from '../roster.rules'

/** Importing a roster sheet (.xlsx or .csv) into a village's 花名册. */
@Injectable()
export class RosterImport {
  constructor(
    private readonly repo: RosterRepository,
    private readonly orgs: OrgsService,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
  ) {}

  /**
   * Every good row goes in, every bad row comes back with its row number and the reason; the good
   * rows are written in one transaction, so a failure leaves nothing half-done.
   */
  async run(villageId: number, file: Buffer, filename: string, actor: Actor): Promise<RosterImportResult> {
    const village = await this.orgs.village(villageId)
    const sheet = await readRosterFile(file, filename)
    const { good, failed } = triageRows(sheet, await this.repo.idHashes(villageId), (id) =>
      this.crypto.blindIndex(id),
    )
    const householdsCreated = await this.tx.run(async (m) => {
      const groupIds = await this.orgs.ensureGroups(
        m,
        village,
        good.map((g) => g.data.groupName),
      )
      const households = await this.repo.householdsByCode(m, villageId)
      let created = 0
      for (const g of good) {
        if (households.has(g.data.householdCode)) continue
        const h = await this.repo.insertHousehold(m, {
          villageId,
          code: g.data.householdCode,
          address: g.data.address,
          groupId: g.data.groupName ? (groupIds.get(g.data.groupName) ?? null) : null,
          headResidentId: null,
        })
        households.set(h.code, h)
        created++
      }
      await this.repo.insertResidents(
        m,
        good.map((g) => ({
          villageId,
          householdId: households.get(g.data.householdCode)!.id,
          name: g.data.name,
          sex: g.data.sex,
          birthDate: g.data.birthDate,
          idNumberEnc: this.crypto.encrypt(g.data.idNumber),
          idNumberHash: g.idHash,
          idNumberMasked: maskIdNumber(g.data.idNumber),
          ...this.crypto.sealPhone(g.data.phone),
          isHouseholdHead: g.data.isHouseholdHead,
          isHouseholdRep: g.data.isHouseholdRep,
          residency: g.data.residency,
          accountId: null,
        })),
      )
      const heads = good.filter((g) => g.data.isHouseholdHead).map((g) => g.idHash)
      for (const head of await this.repo.headsAmong(m, villageId, heads))
        await this.repo.setHead(m, head.householdId, head.id)
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
    return { totalRows: sheet.length, imported: good.length, householdsCreated, failed }
  }
}
