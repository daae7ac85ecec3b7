import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common'
import { FieldCrypto } from '../../../core/crypto/field-crypto.service'
import { sealPlainPhones } from '../../../core/crypto/plain-phones'
import { TxService } from '../../../core/tx/tx.service'
import { RosterRepository } from '../roster.repository'

/** At boot: encrypts the roster's phones still stored in plain text (see core/crypto/plain-phones). */
@Injectable()
export class PhoneSealing implements OnApplicationBootstrap {
  constructor(
    private readonly repo: RosterRepository,
    private readonly crypto: FieldCrypto,
    private readonly tx: TxService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sealed = await this.run()
    if (sealed > 0) new Logger('Roster').log(`phone numbers encrypted: ${sealed}`)
  }

  /** Converts every plain phone left on the roster; answers how many rows it converted. */
  run(): Promise<number> {
    return sealPlainPhones(this.tx, this.crypto, {
      batch: (m, limit) => this.repo.plainPhones(m, limit),
      seal: (m, id, sealed) => this.repo.sealPhone(m, id, sealed),
    })
  }
}
