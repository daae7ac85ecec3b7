import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { sealPlainPhones } from '../../../core/crypto/plain-phones'
import { TxService } from '../../../core/tx/tx.service'
import { CertificatesRepository } from '../certificates.repository'

/** At boot: encrypts the applicants' phones of requests stored in plain text (see core/crypto/plain-phones). */
@Injectable()
export class ApplicantPhoneSealing implements OnApplicationBootstrap {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly crypto: FieldCrypto,
    private readonly tx: TxService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sealed = await this.run()
    if (sealed > 0) new Logger('Certificates').log(`phone numbers encrypted: ${sealed}`)
  }

  /** Converts every plain phone left on requests; answers how many rows it converted. */
  run(): Promise<number> {
    return sealPlainPhones(this.tx, this.crypto, {
      batch: (m, limit) => this.repo.plainPhones(m, limit),
      // a request needs the number back only to mask it in the seal register: no hash
      seal: (m, id, { phoneEnc }) => this.repo.sealPhone(m, id, phoneEnc),
    })
  }
}
