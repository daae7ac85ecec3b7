import { Injectable } from '@nestjs/common'
import {
  canonicalRulesText,
  mayFile,
  RULES_DELIBERATION_EXCERPT,
  RULES_KIND_LABELS,
  transitionRules,
  type RulesDraft,
  type RulesEdit,
  type RulesVersionView,
} from '@xiangli/shared'
import { AuditService } from '../../../core/audit/audit.service'
import type { ActingContext } from '../../../core/auth/current.decorator'
import { Clock } from '../../../core/clock/clock'
import { AppException } from '../../../core/errors/app.exception'
import { TxService } from '../../../core/tx/tx.service'
import { DeliberationsService } from '../../deliberations/deliberations.service'
import { OrgsService } from '../../orgs/orgs.service'
import { VillageRulesRepository } from '../village-rules.repository'
import { accepted, rulesHash } from '../village-rules.rules'
import { RulesReads } from './rules-reads'

/** The 两委's side: draft a version, edit it while a draft, put it to the vote, file it with the township. */
@Injectable()
export class RulesDrafting {
  constructor(
    private readonly tx: TxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly orgs: OrgsService,
    private readonly deliberations: DeliberationsService,
    private readonly repo: VillageRulesRepository,
    private readonly reads: RulesReads,
  ) {}

  /** A new version of the kind; with one in force it is an amendment of it (修订稿). */
  async create(a: ActingContext, body: RulesDraft): Promise<RulesVersionView> {
    // Art 27 is the villages' law; a community's 居民公约 follows another (城市居民委员会组织法 Art 15)
    if ((await this.orgs.village(a.villageId)).kind !== 'village')
      throw new AppException('VILLAGE_RULES_VILLAGES_ONLY')
    const id = await this.tx.run(async (m) => {
      const current = await this.repo.current(m, a.villageId, body.kind)
      if (current && canonicalRulesText(current.text) === canonicalRulesText(body.text))
        throw new AppException('VILLAGE_RULES_UNCHANGED')
      const v = await this.repo.create(m, {
        villageId: a.villageId,
        kind: body.kind,
        number: await this.repo.nextNumber(m, a.villageId, body.kind),
        title: body.title,
        text: body.text,
        status: 'draft',
        basedOnId: current?.id ?? null,
        deliberationId: null,
        contentHash: null,
        adoptedAt: null,
        createdByAccountId: a.principal.accountId,
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'village_rules.drafted',
        orgId: a.villageId,
        targetType: 'village_rules_version',
        targetId: v.id,
        after: {
          kind: v.kind,
          number: v.number,
          title: v.title,
          textSha256: rulesHash(v.text),
          basedOnId: v.basedOnId,
        },
      })
      return v.id
    })
    return this.reads.detail(a, id)
  }

  async edit(a: ActingContext, id: number, body: RulesEdit): Promise<RulesVersionView> {
    await this.tx.run(async (m) => {
      const v = await this.mustFind(a, id, m)
      accepted(transitionRules(v.status, { type: 'edit' }))
      await this.repo.update(m, v.id, { title: body.title, text: body.text })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'village_rules.edited',
        orgId: a.villageId,
        targetType: 'village_rules_version',
        targetId: v.id,
        before: { title: v.title, textSha256: rulesHash(v.text) },
        after: { title: body.title, textSha256: rulesHash(body.text) },
      })
    })
    return this.reads.detail(a, id)
  }

  /**
   * 交付表决: a deliberation carries the version from here, opening with the 征 step (the comment
   * window residents give opinions in) and deciding in the villagers' meeting. The text is frozen.
   */
  async startAdoption(a: ActingContext, id: number): Promise<RulesVersionView> {
    await this.tx.run(async (m) => {
      const v = await this.mustFind(a, id, m)
      const next = accepted(transitionRules(v.status, { type: 'start_adoption' }))
      const label = RULES_KIND_LABELS[v.kind]
      const excerpt =
        v.text.length > RULES_DELIBERATION_EXCERPT
          ? `${v.text.slice(0, RULES_DELIBERATION_EXCERPT)}……`
          : v.text
      const deliberationId = await this.deliberations.startWithin(
        m,
        a,
        {
          title: `${v.basedOnId ? '修订' : '制定'}${label}：${v.title}（第${v.number}版）`.slice(0, 60),
          content: `${label}草案全文见“村规民约”页面（第${v.number}版），由村民会议表决（村民委员会组织法第二十七条）。\n\n${excerpt}`,
          matterType: 'assembly_reserved',
          source: { kind: 'cadre' },
          attachmentIds: [],
          delegation: null,
          previousId: null,
        },
        { solicitation: true },
      )
      await this.repo.update(m, v.id, { status: next, deliberationId })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'village_rules.put_to_vote',
        orgId: a.villageId,
        targetType: 'village_rules_version',
        targetId: v.id,
        before: { status: v.status },
        after: { status: next, deliberationId, textSha256: rulesHash(v.text) },
      })
    })
    return this.reads.detail(a, id)
  }

  /** 备案: the version in force, once, to the township above the village. */
  async file(a: ActingContext, id: number): Promise<RulesVersionView> {
    const village = await this.orgs.village(a.villageId)
    if (village.parentId === null) throw new AppException('VILLAGE_RULES_NO_TOWNSHIP')
    const townshipId = village.parentId
    await this.tx.run(async (m) => {
      const v = await this.mustFind(a, id, m)
      const may = mayFile(v.status, (await this.repo.filingOf(m, v.id)) !== null)
      if (!may.ok) throw new AppException(may.code)
      const f = await this.repo.file(m, {
        versionId: v.id,
        villageId: v.villageId,
        townshipId,
        filedAt: this.clock.now(),
        filedByAccountId: a.principal.accountId,
        filedByName: (a.actor.name ?? '').slice(0, 30),
      })
      await this.audit.append(m, {
        actor: a.actor,
        action: 'village_rules.filed',
        orgId: a.villageId,
        targetType: 'village_rules_version',
        targetId: v.id,
        after: { filingId: f.id, townshipId, contentHash: v.contentHash },
      })
    })
    return this.reads.detail(a, id)
  }

  private async mustFind(a: ActingContext, id: number, m: Parameters<VillageRulesRepository['find']>[0]) {
    const v = await this.repo.find(m, a.villageId, id, true)
    if (!v) throw new AppException('VILLAGE_RULES_NOT_FOUND')
    return v
  }
}
