import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { sealPlainPhones } from '../../../core/crypto/plain-phones'
import { TxService } from '../../../core/tx/tx.service'
import { VerificationRepository } from '../verification.repository'

/** At boot: encrypts the phones of claims stored in plain text (see core/crypto/plain-phones). */
@Injectable()
export class ClaimPhoneSealing implements OnApplicationBootstrap {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly crypto: FieldCrypto,
    private readonly tx: TxService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sealed = await this.run()
    if (sealed > 0) new Logger('Verification').log(`phone numbers encrypted: ${sealed}`)
  }

  /** Converts every plain phone left on claims; answers how many rows it converted. */
  run(): Promise<number> {
    return sealPlainPhones(this.tx, this.crypto, {
      batch: (m, limit) => this.repo.plainPhones(m, limit),
      // a claim keeps no hash of its phone: it is matched against the roster when made, never after
      seal: (m, id, { phoneEnc, phoneMasked }) => this.repo.sealPhone(m, id, { phoneEnc, phoneMasked }),
    })
  }
}
