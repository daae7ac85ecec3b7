import { Injectable, type OnModuleInit } from '@nestjs/common'
import { OrgDirectory } from '../../../core/access/org-directory'
import { Viewer } from '../../../core/access/viewer'
import { FilesService } from '../../../core/files/files.service'
import { NoticeVersionsRepository } from '../notice-versions.repository'
import { readsEveryNoticeFile, readsObjectionFiles } from '../notices.policy'
import { NoticesRepository } from '../notices.repository'
import { FILES_OF_NOTICE, FILES_OF_OBJECTION, isPublic } from '../notices.rules'
import { ObjectionsRepository } from '../objections.repository'

/** Who may open the files of a notice and the photos of an objection. */
@Injectable()
export class NoticeFiles implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly notices: NoticesRepository,
    private readonly versions: NoticeVersionsRepository,
    private readonly objections: ObjectionsRepository,
    private readonly orgs: OrgDirectory,
  ) {}

  onModuleInit(): void {
    // a notice's files are public once published with it; drafts are seen by those who manage them
    this.files.registerAccess(FILES_OF_NOTICE, async (p, file) => {
      const n = await this.notices.findById(file.attachedId ?? 0)
      if (!n) return false
      if (readsEveryNoticeFile(new Viewer(p, this.orgs), n.villageId)) return true
      if (!isPublic(n)) return false
      // public only as part of a published version, not as a file dropped from the draft
      return (await this.versions.publishedFileIds(n.id)).includes(file.id)
    })
    this.files.registerAccess(FILES_OF_OBJECTION, async (p, file) => {
      const o = await this.objections.findById(file.attachedId ?? 0)
      return o !== null && readsObjectionFiles(new Viewer(p, this.orgs), o, file.id)
    })
  }
}
