import { Inject, Injectable, OnModuleInit, StreamableFile } from '@nestjs/common'
import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { DataSource, In, type EntityManager } from 'typeorm'
import {
  CERTIFICATE_REQUEST_STATE_LABELS,
  COMMITTEE_ROLES,
  OVERSIGHT_ROLES,
  SEAL_USE_COLUMNS,
  certificateDeadline,
  certificateDeadlineAfter,
  certificateYear,
  chinaDate,
  effectiveCatalogue,
  formatCertificateNumber,
  formatVerificationCode,
  isCertificateRequestOverdue,
  isSelfGoverningUnit,
  isVillageCode,
  negativeListView,
  parseCertificateNumber,
  publicCertificateCheck,
  regionOverrideSchema,
  renderCertificateBody,
  requestableItem,
  sealUseEntry,
  searchCatalogue,
  transitionCertificateRequest,
  validateCertificateFields,
  verificationCodeFromBytes,
  NEGATIVE_LIST,
  villageOverrideSchema,
  canApprove,
  certificateCheckPageUrl,
  certificatePage,
  type CatalogueItemView,
  type CatalogueSearchHit,
  type CatalogueView,
  type CertificateQueueQuery,
  type CertificateRequestView,
  type CertificateStats,
  type SealRegisterQuery,
  type CatalogueResult,
  type CertificateCheckQuery,
  type CertificateFieldValues,
  type CertificateRequestCreate,
  type CertificateRequestEvent,
  type CertificateResubmit,
  type EffectiveCatalogue,
  type ErrorCode,
  type Page,
  type PositiveItem,
  type PublicCertificateCheck,
  type RegionOverride,
  type SealUseEntry,
  type VillageOverride,
} from '@xiangli/shared'
import { AuditService, type Actor } from '../../core/audit/audit.service'
import type { ActingContext, TownshipContext } from '../../core/auth/current.decorator'
import { hasRoleIn, type Principal } from '../../core/auth/principal'
import { APP_CONFIG, type AppConfig } from '../../core/config/config'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { AppException } from '../../core/errors/app.exception'
import { FilesService } from '../../core/files/files.service'
import { TxService } from '../../core/tx/tx.service'
import { NotifyService } from '../inbox/notify.service'
import { Org } from '../orgs/entities/org.entity'
import { accountsHolding } from '../roles/role-holders'
import { Resident } from '../roster/entities/resident.entity'
import { certificateArchive } from './certificate-integrity'
import { recordIssue } from './certificate-records'
import { CertificatePdf } from './certificate-pdf'
import { CatalogueOverride } from './entities/catalogue-override.entity'
import { CertificateCounter } from './entities/certificate-counter.entity'
import { CertificateRequest } from './entities/certificate-request.entity'
import { SealUseRecord } from './entities/seal-use-record.entity'

const ATTACHED_TYPE = 'certificate_request'
const DAY = 86_400_000
const DEADLOCK_RETRIES = 5

const snapshot = (r: CertificateRequest) => ({
  id: r.id,
  villageId: r.villageId,
  itemCode: r.itemCode,
  state: r.state,
  number: r.number,
  dueAt: r.dueAt,
  copies: r.copies,
})

const itemView = (i: PositiveItem): CatalogueItemView => ({
  code: i.code,
  name: i.name,
  aliases: [...i.aliases],
  legalBasis: i.legalBasis,
  purpose: i.purpose,
  materials: [...i.materials],
  fields: i.fields,
  timeLimitDays: i.timeLimitDays,
  commitment: i.commitment,
})

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null)
/** 2026-03-05 00:00 in China, as an instant */
const chinaMidnight = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`)

const isDeadlock = (e: unknown): boolean => {
  const err = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } }
  const code = err?.driverError?.code ?? err?.code
  return code === 'ER_LOCK_DEADLOCK' || (err?.driverError?.errno ?? err?.errno) === 1213
}

@Injectable()
export class CertificatesService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly files: FilesService,
    private readonly crypto: FieldCrypto,
    private readonly pdfs: CertificatePdf,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // materials are seen by the applicant and the committee of the village
    this.files.registerAccess(ATTACHED_TYPE, async (p, file) => {
      const r = await this.ds.getRepository(CertificateRequest).findOneBy({ id: file.attachedId ?? 0 })
      return r !== null && this.mayFollow(p, r)
    })
  }

  // ---------- the catalogue ----------

  /** The list this village issues from: defaults, its region's changes, its own. */
  async catalogueOf(villageId: number): Promise<EffectiveCatalogue> {
    const village = await this.village(villageId)
    const region = village.settings?.certificateRegion ?? 'default'
    const rows = await this.ds.getRepository(CatalogueOverride).find({
      where: [
        { scope: 'region', scopeKey: region },
        { scope: 'village', scopeKey: String(villageId) },
      ],
    })
    const regionRow = rows.find((r) => r.scope === 'region')
    const villageRow = rows.find((r) => r.scope === 'village')
    const built = effectiveCatalogue(
      (regionRow?.override as RegionOverride | undefined) ?? null,
      (villageRow?.override as VillageOverride | undefined) ?? null,
      village.kind === 'community' ? 'community' : 'village',
    )
    if (!built.ok) throw this.catalogueRefusal(built)
    return built.catalogue
  }

  async catalogue(villageId: number): Promise<CatalogueView> {
    const c = await this.catalogueOf(villageId)
    return {
      positive: c.positive.map(itemView),
      negative: c.negative.map(negativeListView),
      notes: c.notes,
    }
  }

  async search(villageId: number, q: string): Promise<CatalogueSearchHit[]> {
    return searchCatalogue(q, await this.catalogueOf(villageId)).map((h) =>
      h.kind === 'positive'
        ? { kind: 'positive', matched: h.matched, item: itemView(h.item) }
        : { kind: 'negative', matched: h.matched, answer: h.answer },
    )
  }

  /** What an admin edits: the stored changes of the village and of its region, as saved. */
  async overrides(villageId: number): Promise<{
    region: string
    regionOverride: unknown
    villageOverride: unknown
    catalogue: CatalogueView
  }> {
    const village = await this.village(villageId)
    if (!isSelfGoverningUnit(village.kind)) throw new AppException('ORG_NOT_A_VILLAGE')
    const region = village.settings?.certificateRegion ?? 'default'
    const repo = this.ds.getRepository(CatalogueOverride)
    const [regionRow, villageRow] = await Promise.all([
      repo.findOneBy({ scope: 'region', scopeKey: region }),
      repo.findOneBy({ scope: 'village', scopeKey: String(villageId) }),
    ])
    return {
      region,
      regionOverride: regionRow?.override ?? null,
      villageOverride: villageRow?.override ?? null,
      catalogue: await this.catalogue(villageId),
    }
  }

  /** A village's own changes; checked against its region's list before saving. */
  async putVillageOverride(p: Principal, villageId: number, body: unknown): Promise<CatalogueView> {
    const village = await this.village(villageId)
    if (!isSelfGoverningUnit(village.kind)) throw new AppException('ORG_NOT_A_VILLAGE')
    const parsed = villageOverrideSchema.safeParse(body)
    if (!parsed.success)
      throw new AppException('CERTIFICATE_CATALOGUE_INVALID', { issues: parsed.error.issues })
    const region = await this.ds.getRepository(CatalogueOverride).findOneBy({
      scope: 'region',
      scopeKey: village.settings?.certificateRegion ?? 'default',
    })
    const check = effectiveCatalogue((region?.override as RegionOverride | undefined) ?? null, parsed.data)
    if (!check.ok) throw this.catalogueRefusal(check)
    await this.saveOverride(p, 'village', String(villageId), villageId, parsed.data)
    return this.catalogue(villageId)
  }

  /** A region's list (a province, city or county); the region is named in VillageSettings. */
  async putRegionOverride(p: Principal, region: string, body: unknown): Promise<CatalogueView> {
    const parsed = regionOverrideSchema.safeParse({ ...(body as object), region })
    if (!parsed.success)
      throw new AppException('CERTIFICATE_CATALOGUE_INVALID', { issues: parsed.error.issues })
    const check = effectiveCatalogue(parsed.data, null)
    if (!check.ok) throw this.catalogueRefusal(check)
    await this.saveOverride(p, 'region', region, null, parsed.data)
    return {
      positive: check.catalogue.positive.map(itemView),
      negative: check.catalogue.negative.map(negativeListView),
      notes: check.catalogue.notes,
    }
  }

  private async saveOverride(
    p: Principal,
    scope: 'region' | 'village',
    scopeKey: string,
    orgId: number | null,
    override: unknown,
  ): Promise<void> {
    await this.tx.run(async (m) => {
      const repo = m.getRepository(CatalogueOverride)
      const before = await repo.findOneBy({ scope, scopeKey })
      await repo.save({ scope, scopeKey, override })
      await this.audit.append(m, {
        actor: { accountId: p.accountId, name: p.displayName, role: 'system_admin' },
        action: 'certificate.catalogue_changed',
        orgId,
        targetType: 'certificate_catalogue',
        targetId: `${scope}:${scopeKey}`,
        before: before?.override,
        after: override,
      })
    })
  }

  private catalogueRefusal(r: Extract<CatalogueResult, { ok: false }>): AppException {
    const negative = r.negativeCode ? negativeListView(this.negativeItem(r.negativeCode)) : undefined
    return new AppException(r.code, { itemCode: r.itemCode, issues: r.issues, negative })
  }

  private negativeItem(code: string) {
    const found = NEGATIVE_LIST.find((n) => n.code === code)
    if (!found) throw new Error(`unknown negative-list item ${code}`)
    return found
  }

  // ---------- residents ----------

  async create(a: ActingContext, body: CertificateRequestCreate): Promise<CertificateRequestView> {
    const residentId = a.principal.residentIn.get(a.villageId)
    if (residentId === undefined) throw new AppException('NOT_VERIFIED')
    const found = requestableItem(await this.catalogueOf(a.villageId), body.itemCode)
    if (!found.ok) {
      if (found.code === 'CERTIFICATE_NEGATIVE_LIST') throw new AppException(found.code, found.answer)
      throw new AppException(found.code)
    }
    const item = found.item
    const fields = this.checkFields(item, body.fields)
    const resident = await this.ds.getRepository(Resident).findOneByOrFail({ id: residentId })
    const actor: Actor = { accountId: a.principal.accountId, name: resident.name, role: 'resident' }
    const now = new Date()
    const id = await this.tx.run(async (m) => {
      const r = await m.getRepository(CertificateRequest).save({
        villageId: a.villageId,
        applicantAccountId: a.principal.accountId,
        applicantResidentId: resident.id,
        applicantName: resident.name,
        applicantPhone: resident.phone,
        itemCode: item.code,
        itemName: item.name,
        timeLimitDays: item.timeLimitDays,
        purpose: body.purpose,
        fieldsEnc: this.crypto.encrypt(JSON.stringify(fields)),
        materialIds: body.materialIds,
        copies: body.copies,
        state: 'submitted' as const,
        dueAt: certificateDeadline(now, item.timeLimitDays),
        infoRequest: null,
        refuseReason: null,
        decidedByAccountId: null,
        decidedByName: null,
        decidedAt: null,
        number: null,
        issuedYear: null,
        verificationCode: null,
        issuedAt: null,
        bodyEnc: null,
        revokedAt: null,
        revokeReason: null,
      })
      await this.attachMaterials(m, body.materialIds, r, a.principal.accountId)
      await this.audit.append(m, {
        actor,
        action: 'certificate.requested',
        orgId: r.villageId,
        targetType: 'certificate_request',
        targetId: r.id,
        after: snapshot(r),
      })
      await this.notify.notify(m, {
        accountIds: (await accountsHolding(m, r.villageId, COMMITTEE_ROLES)).filter(
          (x) => x !== a.principal.accountId,
        ),
        orgId: r.villageId,
        kind: 'certificate.requested',
        title: `有人申请开具${r.itemName}`,
        body: `${r.applicantName}申请开具${r.itemName}（用途：${r.purpose}），请在${chinaDate(r.dueAt!)}前办理。`,
      })
      return r.id
    })
    return this.detail(a, id)
  }

  async mine(a: ActingContext, q: { page: number; pageSize: number }): Promise<Page<CertificateRequestView>> {
    const [rows, total] = await this.ds.getRepository(CertificateRequest).findAndCount({
      where: { villageId: a.villageId, applicantAccountId: a.principal.accountId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    })
    return { items: rows.map((r) => this.view(r)), total, page: q.page, pageSize: q.pageSize }
  }

  async detail(a: ActingContext, id: number): Promise<CertificateRequestView> {
    return this.view(await this.visible(a, id))
  }

  async resubmit(a: ActingContext, id: number, body: CertificateResubmit): Promise<CertificateRequestView> {
    const catalogue = await this.catalogueOf(a.villageId)
    await this.step(a, id, 'resubmit', async (m, r, now) => {
      const found = requestableItem(catalogue, r.itemCode)
      if (!found.ok) throw new AppException('CERTIFICATE_ITEM_NOT_FOUND')
      const given = Object.keys(body.fields).length > 0
      const fields = given ? this.checkFields(found.item, body.fields) : this.fieldsOf(r)
      await this.attachMaterials(m, body.materialIds, r, a.principal.accountId)
      return {
        fieldsEnc: this.crypto.encrypt(JSON.stringify(fields)),
        materialIds: [...r.materialIds, ...body.materialIds],
        infoRequest: null,
        dueAt: certificateDeadlineAfter('resubmit', now, r.dueAt, r.timeLimitDays),
      }
    })
    return this.detail(a, id)
  }

  async withdraw(a: ActingContext, id: number): Promise<CertificateRequestView> {
    await this.step(a, id, 'withdraw', async () => ({ dueAt: null }))
    return this.detail(a, id)
  }

  // ---------- committee ----------

  async queue(a: ActingContext, q: CertificateQueueQuery): Promise<Page<CertificateRequestView>> {
    const qb = this.ds
      .getRepository(CertificateRequest)
      .createQueryBuilder('r')
      .where('r.villageId = :v', { v: a.villageId })
    if (q.status) qb.andWhere('r.state = :s', { s: q.status })
    if (q.overdue !== undefined) {
      const overdue =
        "r.state IN ('submitted','resubmitted','approved') AND r.dueAt IS NOT NULL AND r.dueAt < :now"
      qb.andWhere(q.overdue ? `(${overdue})` : `NOT (${overdue})`, { now: new Date() })
    }
    const [rows, total] = await qb
      .orderBy('r.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount()
    return { items: rows.map((r) => this.view(r)), total, page: q.page, pageSize: q.pageSize }
  }

  async refuse(a: ActingContext, id: number, reason: string): Promise<CertificateRequestView> {
    await this.step(a, id, 'refuse', async (m, r, now) => {
      await this.tellApplicant(m, r, `您申请的${r.itemName}不予出具`, `原因：${reason}`)
      return {
        refuseReason: reason,
        decidedByAccountId: a.principal.accountId,
        decidedByName: a.actor.name,
        decidedAt: now,
        dueAt: null,
      }
    })
    return this.detail(a, id)
  }

  async requestInfo(a: ActingContext, id: number, message: string): Promise<CertificateRequestView> {
    await this.step(a, id, 'request_info', async (m, r) => {
      await this.tellApplicant(m, r, `您申请的${r.itemName}需要补充材料`, message)
      return { infoRequest: message, dueAt: null }
    })
    return this.detail(a, id)
  }

  async revoke(a: ActingContext, id: number, reason: string): Promise<CertificateRequestView> {
    await this.step(a, id, 'revoke', async (m, r, now) => {
      await this.tellApplicant(m, r, `您的${r.itemName}已作废`, `证明编号 ${r.number}。原因：${reason}`)
      return { revokedAt: now, revokeReason: reason }
    })
    return this.detail(a, id)
  }

  /**
   * Approves and issues in one transaction: the request row is locked first, then the village's
   * counter for the year, so two approvals of one request give one number and concurrent approvals of
   * different requests take consecutive numbers. A deadlock on MySQL rolls everything back and retries.
   */
  async approve(a: ActingContext, id: number): Promise<CertificateRequestView> {
    const village = await this.village(a.villageId)
    if (!isVillageCode(village.code))
      throw new Error(`village ${village.id} has no 12-digit division code (${village.code})`)
    const catalogue = await this.catalogueOf(a.villageId)
    const now = new Date()
    const year = certificateYear(now)
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(CertificateCounter)
        .values({ villageId: village.id, year, lastSequence: 0 })
        .orIgnore()
        .execute(),
    )
    for (let attempt = 1; ; attempt++) {
      try {
        await this.tx.run((m) => this.issueIn(m, a, id, village, catalogue, now, year))
        break
      } catch (e) {
        if (!isDeadlock(e) || attempt >= DEADLOCK_RETRIES) throw e
      }
    }
    return this.detail(a, id)
  }

  private async issueIn(
    m: EntityManager,
    a: ActingContext,
    id: number,
    village: Org,
    catalogue: EffectiveCatalogue,
    now: Date,
    year: number,
  ): Promise<void> {
    const r = await this.locked(m, a.villageId, id)
    this.mayDecide(a, r)
    const approved = transitionCertificateRequest(r.state, 'approve')
    if (!approved.ok) throw new AppException(approved.code)
    const issued = transitionCertificateRequest(approved.next, 'issue')
    if (!issued.ok) throw new AppException(issued.code)

    const found = requestableItem(catalogue, r.itemCode)
    if (!found.ok) throw new AppException('CERTIFICATE_ITEM_NOT_FOUND')
    const resident = await m.getRepository(Resident).findOneByOrFail({ id: r.applicantResidentId })
    const issuedOn = chinaDate(now)
    const body = renderCertificateBody(
      found.item,
      {
        name: r.applicantName,
        idNumber: this.crypto.decrypt(resident.idNumberEnc),
        village: village.name,
        date: issuedOn,
      },
      this.fieldsOf(r),
    )
    if (!body.ok) throw new AppException(body.code, { missing: body.missing })

    const counters = m.getRepository(CertificateCounter)
    const q = counters
      .createQueryBuilder('c')
      .where('c.villageId = :v AND c.year = :y', { v: village.id, y: year })
    const counter = this.tx.isSqlite ? await q.getOne() : await q.setLock('pessimistic_write').getOne()
    if (!counter) throw new Error(`certificate counter missing for village ${village.id}, ${year}`)
    const sequence = counter.lastSequence + 1
    await counters.update({ villageId: village.id, year }, { lastSequence: sequence })
    const number = formatCertificateNumber({ villageCode: village.code, year, sequence })
    const code = verificationCodeFromRandom()

    const changes: Partial<CertificateRequest> = {
      state: issued.next,
      decidedByAccountId: a.principal.accountId,
      decidedByName: a.actor.name,
      decidedAt: now,
      number,
      issuedYear: year,
      verificationCode: code,
      issuedAt: now,
      bodyEnc: this.crypto.encrypt(body.text),
      infoRequest: null,
      dueAt: null,
    }
    await m.getRepository(CertificateRequest).update({ id: r.id }, changes)
    const entry: SealUseEntry = sealUseEntry({
      at: now,
      certificateNumber: number,
      itemCode: r.itemCode,
      itemName: r.itemName,
      copies: r.copies,
      approverName: a.actor.name ?? '',
      handlerName: a.actor.name ?? '',
      applicantName: r.applicantName,
      applicantPhone: r.applicantPhone ?? '',
    })
    await m.getRepository(SealUseRecord).insert({
      villageId: r.villageId,
      requestId: r.id,
      at: now,
      certificateNumber: entry.certificateNumber,
      itemCode: entry.itemCode,
      itemName: entry.itemName,
      copies: entry.copies,
      approverName: entry.approverName,
      handlerName: entry.handlerName,
      applicantName: entry.applicantName,
      applicantPhoneMasked: entry.applicantPhoneMasked,
    })
    await recordIssue(this.audit, m, a.actor, r.id, snapshot(r))
    await this.tellApplicant(
      m,
      r,
      `您的${r.itemName}已开具`,
      `证明编号 ${number}，可以在“我的证明”里查看和下载。`,
    )
  }

  // ---------- the certificate ----------

  async pdf(a: ActingContext, id: number): Promise<StreamableFile> {
    const r = await this.visible(a, id)
    if (!r.number || !r.issuedAt || !r.bodyEnc || !r.verificationCode)
      throw new AppException('CERTIFICATE_NOT_ISSUED')
    const village = await this.village(r.villageId)
    const bytes = await this.pdfs.render({
      title: r.itemName,
      body: this.crypto.decrypt(r.bodyEnc),
      villageName: village.name,
      issuedOn: chinaDate(r.issuedAt),
      issuedAt: r.issuedAt,
      number: r.number,
      verificationCode: r.verificationCode,
      verificationUrl: this.verificationUrl(r.number, r.verificationCode),
    })
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: `inline; filename="certificate-${r.number}.pdf"`,
    })
  }

  verificationUrl(number: string, code: string): string {
    return certificateCheckPageUrl(this.config.publicBaseUrl, number, code)
  }

  /** The public check: the shared view and nothing else; anything wrong is 无效. */
  async check(q: CertificateCheckQuery): Promise<PublicCertificateCheck> {
    const parsed = parseCertificateNumber(q.n)
    const r = parsed
      ? await this.ds.getRepository(CertificateRequest).findOneBy({ number: formatCertificateNumber(parsed) })
      : null
    const issued =
      r && r.number && r.verificationCode && r.issuedAt && (r.state === 'issued' || r.state === 'revoked')
    const village = issued ? await this.ds.getRepository(Org).findOneBy({ id: r.villageId }) : null
    // recomputed against the chain: a holder, item or state changed behind the application's back
    // answers 证明信息与存档不一致, never 有效
    const archive = issued ? await certificateArchive(this.ds.manager, r) : null
    return publicCertificateCheck(
      issued && village && archive
        ? {
            number: r.number!,
            verificationCode: r.verificationCode!,
            state: r.state as 'issued' | 'revoked',
            itemName: r.itemName,
            villageName: village.name,
            issuedOn: chinaDate(r.issuedAt!),
            holderName: r.applicantName,
            matchesArchive: archive.matches,
          }
        : null,
      q.c,
      archive?.codeWasIssued(q.c) ?? false,
    )
  }

  // ---------- the seal-use register ----------

  async sealRegister(villageId: number, q: SealRegisterQuery): Promise<SealUseEntry[]> {
    const rows = await this.ds
      .getRepository(SealUseRecord)
      .createQueryBuilder('s')
      .where('s.villageId = :v AND s.at >= :from AND s.at < :to', {
        v: villageId,
        from: chinaMidnight(q.from),
        to: new Date(chinaMidnight(q.to).getTime() + DAY),
      })
      .orderBy('s.at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany()
    return rows.map((s) => ({
      at: new Date(s.at).toISOString(),
      certificateNumber: s.certificateNumber,
      itemCode: s.itemCode,
      itemName: s.itemName,
      copies: s.copies,
      approverName: s.approverName,
      handlerName: s.handlerName,
      applicantName: s.applicantName,
      applicantPhoneMasked: s.applicantPhoneMasked,
    }))
  }

  async sealRegisterXlsx(villageId: number, q: SealRegisterQuery): Promise<StreamableFile> {
    const entries = await this.sealRegister(villageId, q)
    const village = await this.village(villageId)
    const book = new ExcelJS.Workbook()
    book.creator = '乡里'
    const sheet = book.addWorksheet('用印登记')
    sheet.columns = SEAL_USE_COLUMNS.map((c) => ({
      header: c.label,
      key: c.key,
      width: c.key === 'at' || c.key === 'certificateNumber' ? 24 : 14,
    }))
    for (const e of entries)
      sheet.addRow({ ...e, at: chinaTime(new Date(e.at)) } satisfies Record<keyof SealUseEntry, unknown>)
    sheet.getRow(1).font = { bold: true }
    const bytes = Buffer.from(await book.xlsx.writeBuffer())
    const name = encodeURIComponent(`${village.name}用印登记${q.from}至${q.to}.xlsx`)
    return new StreamableFile(bytes, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      length: bytes.length,
      disposition: `attachment; filename="seal-register-${q.from}-${q.to}.xlsx"; filename*=UTF-8''${name}`,
    })
  }

  // ---------- the township ----------

  /** How many certificates each village issued in a year, per item: the 万能章 measure. */
  async townshipStats(t: TownshipContext, year: number): Promise<CertificateStats> {
    const villages = await this.ds
      .getRepository(Org)
      .find({ where: { parentId: t.townshipId, kind: In(['village', 'community']) }, order: { id: 'ASC' } })
    if (villages.length === 0) return { townshipId: t.townshipId, year, villages: [], items: [] }
    const rows: Record<string, string | number | null>[] = await this.ds
      .getRepository(CertificateRequest)
      .createQueryBuilder('r')
      .select('r.villageId', 'villageId')
      .addSelect('r.itemCode', 'itemCode')
      .addSelect('MAX(r.itemName)', 'itemName')
      .addSelect("SUM(CASE WHEN r.state = 'issued' THEN 1 ELSE 0 END)", 'issued')
      .addSelect("SUM(CASE WHEN r.state = 'revoked' THEN 1 ELSE 0 END)", 'revoked')
      .where('r.villageId IN (:...ids) AND r.issuedYear = :year AND r.number IS NOT NULL', {
        ids: villages.map((v) => v.id),
        year,
      })
      .groupBy('r.villageId')
      .addGroupBy('r.itemCode')
      .orderBy('r.villageId', 'ASC')
      .addOrderBy('r.itemCode', 'ASC')
      .getRawMany()
    const counted = rows.map((r) => ({
      villageId: Number(r.villageId),
      itemCode: String(r.itemCode),
      itemName: String(r.itemName),
      issued: Number(r.issued ?? 0),
      revoked: Number(r.revoked ?? 0),
    }))
    const items = new Map<string, { itemCode: string; itemName: string; issued: number; revoked: number }>()
    for (const c of counted) {
      const i = items.get(c.itemCode) ?? { itemCode: c.itemCode, itemName: c.itemName, issued: 0, revoked: 0 }
      i.issued += c.issued
      i.revoked += c.revoked
      items.set(c.itemCode, i)
    }
    return {
      townshipId: t.townshipId,
      year,
      villages: villages.map((v) => {
        const mine = counted.filter((c) => c.villageId === v.id)
        return {
          villageId: v.id,
          villageName: v.name,
          issued: mine.reduce((s, c) => s + c.issued, 0),
          revoked: mine.reduce((s, c) => s + c.revoked, 0),
          items: mine.map(({ itemCode, itemName, issued, revoked }) => ({
            itemCode,
            itemName,
            issued,
            revoked,
          })),
        }
      }),
      items: [...items.values()],
    }
  }

  // ---------- helpers ----------

  private async village(id: number): Promise<Org> {
    const org = await this.ds.getRepository(Org).findOneBy({ id })
    if (!org) throw new AppException('ORG_NOT_FOUND')
    return org
  }

  private checkFields(item: PositiveItem, input: Record<string, unknown>): CertificateFieldValues {
    const checked = validateCertificateFields(item.fields, input)
    if (!checked.ok) throw new AppException(checked.code, { field: checked.field, label: checked.label })
    return checked.values
  }

  private fieldsOf(r: CertificateRequest): CertificateFieldValues {
    return JSON.parse(this.crypto.decrypt(r.fieldsEnc)) as CertificateFieldValues
  }

  private mayFollow(p: Principal, r: CertificateRequest): boolean {
    return r.applicantAccountId === p.accountId || hasRoleIn(p, r.villageId, OVERSIGHT_ROLES) !== null
  }

  /** A request of this village the caller may see; anything else is NOT_FOUND, revealing nothing. */
  private async visible(a: ActingContext, id: number): Promise<CertificateRequest> {
    const r = await this.ds.getRepository(CertificateRequest).findOneBy({ id, villageId: a.villageId })
    if (!r || !this.mayFollow(a.principal, r)) throw new AppException('NOT_FOUND')
    return r
  }

  private async locked(m: EntityManager, villageId: number, id: number): Promise<CertificateRequest> {
    const q = m
      .getRepository(CertificateRequest)
      .createQueryBuilder('r')
      .where('r.id = :id AND r.villageId = :v', { id, v: villageId })
    const r = this.tx.isSqlite ? await q.getOne() : await q.setLock('pessimistic_write').getOne()
    if (!r) throw new AppException('NOT_FOUND')
    return r
  }

  /** canApprove from shared: a committee role in this village, and never one's own request. */
  private mayDecide(a: ActingContext, r: CertificateRequest): void {
    const ok = canApprove({
      approverRoles: a.principal.roles.get(a.villageId) ?? [],
      approverAccountId: a.principal.accountId,
      applicantAccountId: r.applicantAccountId,
    })
    if (!ok.ok) throw new AppException(ok.code)
  }

  /** One step of the request's life, other than issuing: checked, applied, audited, in one transaction. */
  private async step(
    a: ActingContext,
    id: number,
    event: Exclude<CertificateRequestEvent, 'approve' | 'issue'>,
    work: (m: EntityManager, r: CertificateRequest, now: Date) => Promise<Partial<CertificateRequest>>,
  ): Promise<void> {
    await this.tx.run(async (m) => {
      const r = await this.locked(m, a.villageId, id)
      const byApplicant = event === 'resubmit' || event === 'withdraw'
      if (byApplicant) {
        if (!this.mayFollow(a.principal, r)) throw new AppException('NOT_FOUND')
        if (r.applicantAccountId !== a.principal.accountId) throw new AppException('FORBIDDEN')
      } else this.mayDecide(a, r)
      const t = transitionCertificateRequest(r.state, event)
      if (!t.ok) throw new AppException(t.code as ErrorCode)
      const now = new Date()
      const changes = { ...(await work(m, r, now)), state: t.next }
      await m.getRepository(CertificateRequest).update({ id: r.id }, changes)
      await this.audit.append(m, {
        actor: byApplicant
          ? { accountId: a.principal.accountId, name: r.applicantName, role: 'resident' }
          : a.actor,
        action: `certificate.${event}`,
        orgId: r.villageId,
        targetType: 'certificate_request',
        targetId: r.id,
        before: snapshot(r),
        after: snapshot({ ...r, ...changes } as CertificateRequest),
      })
      if (byApplicant && event === 'resubmit')
        await this.notify.notify(m, {
          accountIds: (await accountsHolding(m, r.villageId, COMMITTEE_ROLES)).filter(
            (x) => x !== a.principal.accountId,
          ),
          orgId: r.villageId,
          kind: 'certificate.resubmitted',
          title: `${r.applicantName}补充了${r.itemName}的材料`,
          body: `请在${chinaDate(changes.dueAt ?? now)}前办理。`,
        })
    })
  }

  private async attachMaterials(
    m: EntityManager,
    ids: number[],
    r: CertificateRequest,
    accountId: number,
  ): Promise<void> {
    const ok = await this.files.attach(
      m,
      ids,
      { villageId: r.villageId, accountId },
      { type: ATTACHED_TYPE, id: r.id },
    )
    if (!ok)
      throw new AppException(
        'VALIDATION_FAILED',
        { field: 'materialIds' },
        '有材料没有上传成功，请删掉后重新添加',
      )
  }

  private tellApplicant(m: EntityManager, r: CertificateRequest, title: string, body: string): Promise<void> {
    return this.notify.notify(m, {
      accountIds: [r.applicantAccountId],
      orgId: r.villageId,
      kind: 'certificate.updated',
      title,
      body,
      link: certificatePage('resident', r.id, r.villageId),
    })
  }

  private view(r: CertificateRequest): CertificateRequestView {
    const issued = r.number !== null && r.verificationCode !== null
    return {
      id: r.id,
      villageId: r.villageId,
      itemCode: r.itemCode,
      itemName: r.itemName,
      purpose: r.purpose,
      fields: this.fieldsOf(r),
      materials: r.materialIds.map((id) => ({ id, url: this.files.signedUrl(id) })),
      copies: r.copies,
      state: r.state,
      stateLabel: CERTIFICATE_REQUEST_STATE_LABELS[r.state],
      dueAt: iso(r.dueAt),
      overdue: isCertificateRequestOverdue(r, new Date()),
      infoRequest: r.infoRequest,
      refuseReason: r.refuseReason,
      decidedByName: r.decidedByName,
      decidedAt: iso(r.decidedAt),
      number: r.number,
      verificationCode: issued ? formatVerificationCode(r.verificationCode!) : null,
      verificationUrl: issued ? this.verificationUrl(r.number!, r.verificationCode!) : null,
      issuedAt: iso(r.issuedAt),
      revokedAt: iso(r.revokedAt),
      revokeReason: r.revokeReason,
      applicantName: r.applicantName,
      applicantAccountId: r.applicantAccountId,
      createdAt: iso(r.createdAt)!,
      pdfPath: issued ? `/api/villages/${r.villageId}/certificates/requests/${r.id}/pdf` : null,
    }
  }
}

/** 8 characters from 8 bytes of the operating system's randomness (shared maps them). */
const verificationCodeFromRandom = (): string => verificationCodeFromBytes(randomBytes(8))

/** 2026-03-05 14:30, China time */
function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}
