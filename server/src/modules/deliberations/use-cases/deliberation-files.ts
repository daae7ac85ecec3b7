import { Injectable, type OnModuleInit } from '@nestjs/common'
import { OrgDirectory } from '../../../core/access/org-directory'
import { Viewer } from '../../../core/access/viewer'
import { FilesService } from '../../../core/files/files.service'
import { DeliberationsRepository } from '../deliberations.repository'
import { readsAllOpinions, readsUncheckedOpinions, readsVillage } from '../deliberations.policy'
import { FILES_OF_DELIBERATION, FILES_OF_MEETING, FILES_OF_OPINION } from '../deliberations.rules'
import { MeetingsRepository } from '../meetings.repository'
import { OpinionsRepository } from '../opinions.repository'

/** Who may open a deliberation's files, a meeting's, and the photos of an opinion. */
@Injectable()
export class DeliberationFiles implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly orgs: OrgDirectory,
    private readonly deliberations: DeliberationsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  onModuleInit(): void {
    // a deliberation's and its meetings' files: whoever may read the deliberation
    this.files.registerAccess(FILES_OF_DELIBERATION, async (p, file) => {
      const d = await this.deliberations.findById(file.attachedId ?? 0)
      return d !== null && (await readsVillage(new Viewer(p, this.orgs), d.villageId))
    })
    this.files.registerAccess(FILES_OF_MEETING, async (p, file) => {
      const meeting = await this.meetings.findById(file.attachedId ?? 0)
      return meeting !== null && (await readsVillage(new Viewer(p, this.orgs), meeting.villageId))
    })
    // an opinion's photos: its author (the uploader) and those who read every opinion, the supervisors
    // once the content check shows it
    this.files.registerAccess(FILES_OF_OPINION, async (p, file) => {
      const o = await this.opinions.findById(file.attachedId ?? 0)
      if (o === null) return false
      const v = new Viewer(p, this.orgs)
      if (!(await readsAllOpinions(v, o.villageId))) return false
      return o.moderation === 'shown' || (await readsUncheckedOpinions(v, o.villageId))
    })
  }
}
