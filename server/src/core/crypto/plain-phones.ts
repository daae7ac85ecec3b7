import type { EntityManager } from 'typeorm'
import type { TxService } from '../tx/tx.service'
import type { FieldCrypto, SealedPhone } from './field-crypto.service'

/** how many rows one transaction converts */
const BATCH = 500

/** A table whose rows may still hold a phone in plain text, as its module's repository reads and writes it. */
export interface PlainPhoneRows {
  /** up to `limit` rows whose plain phone is not empty yet */
  batch(m: EntityManager, limit: number): Promise<{ id: number; legacyPhone?: string | null }[]>
  /** writes the sealed phone of a row and empties its plain one */
  seal(m: EntityManager, id: number, sealed: SealedPhone): Promise<void>
}

/**
 * Phones used to be stored in plain text; a migration cannot encrypt them, for it does not hold the
 * field key. So at boot, before the app answers anyone, each module holding phones converts the rows
 * still holding one: encrypted, hashed and masked, the plain value emptied. Idempotent: a converted
 * row has no plain phone left, so a second run (or a second instance starting at once) finds nothing,
 * and a row two instances convert together just gets a fresh ciphertext of the same number. Answers
 * how many rows it converted.
 */
export async function sealPlainPhones(
  tx: TxService,
  crypto: FieldCrypto,
  rows: PlainPhoneRows,
): Promise<number> {
  let total = 0
  for (;;) {
    const n = await tx.run(async (m) => {
      const batch = await rows.batch(m, BATCH)
      for (const r of batch) await rows.seal(m, r.id, crypto.sealPhone(r.legacyPhone!))
      return batch.length
    })
    total += n
    if (n < BATCH) return total
  }
}
