import { Injectable } from '@nestjs/common'
import { beijingDate, maskIdNumber } from '@xiangli/shared'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { FilesService } from '../../core/files/files.service'
import { TxService } from '../../core/tx/tx.service'
import { NewcomersRepository } from './newcomers.repository'
import { FILES_OF_APPLICATION, pendingKeyOf } from './newcomers.rules'

/** A demo application: someone who rents in the village, with a photo of the contract. */
export interface DemoApplication {
  villageId: number
  accountId: number
  name: string
  idNumber: string
  phone: string
  address: string
  movedInDaysAgo: number
  proof: Buffer
  now: Date
}

/** What the rest of the server may ask of newcomers: only the demo seeder asks anything. */
@Injectable()
export class NewcomersService {
  constructor(
    private readonly repo: NewcomersRepository,
    private readonly files: FilesService,
    private readonly crypto: FieldCrypto,
    private readonly tx: TxService,
  ) {}

  /** One application waiting for the 两委, so their queue is not empty on first look (not audited: demo data). */
  async seedDemo(d: DemoApplication): Promise<void> {
    const photo = await this.files.storePhoto(d.villageId, d.accountId, {
      filename: 'contract.png',
      mimetype: 'image/png',
      buffer: d.proof,
    })
    const sealed = this.crypto.sealPhone(d.phone)
    await this.tx.run(async (m) => {
      const a = await this.repo.insert(m, {
        accountId: d.accountId,
        villageId: d.villageId,
        name: d.name,
        idNumberEnc: this.crypto.encrypt(d.idNumber),
        idNumberMasked: maskIdNumber(d.idNumber),
        pendingKey: pendingKeyOf(d.villageId, this.crypto.blindIndex(d.idNumber)),
        phoneEnc: sealed.phoneEnc!,
        phoneMasked: sealed.phoneMasked!,
        address: d.address,
        movedInOn: beijingDate(new Date(d.now.getTime() - d.movedInDaysAgo * 86_400_000)),
        proofFileIds: [photo.id],
        state: 'pending',
        reason: null,
        residentId: null,
        decidedByAccountId: null,
        decidedAt: null,
      })
      if (a) await this.files.attach(m, [photo.id], d, { type: FILES_OF_APPLICATION, id: a.id })
    })
  }
}
