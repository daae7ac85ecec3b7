import { Inject, Injectable } from '@nestjs/common'
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { maskPhone, normalizePhone } from '@xiangli/shared'
import { APP_CONFIG, type AppConfig } from '../config/config'

/** A phone number as a row keeps it: encrypted, its keyed hash for matching, and the masked form lists show. */
export interface SealedPhone {
  phoneEnc: string | null
  phoneHash: string | null
  phoneMasked: string | null
}

/**
 * Personal data at rest: AES-256-GCM for values we must read back (ID numbers, phone numbers), and a keyed hash
 * (blind index) so an exact match can be found without decrypting every row.
 */
@Injectable()
export class FieldCrypto {
  private readonly encKey: Buffer
  private readonly indexKey: Buffer

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.encKey = Buffer.from(
      hkdfSync('sha256', config.fieldKey, Buffer.alloc(0), 'xiangli:field-encryption', 32),
    )
    this.indexKey = Buffer.from(
      hkdfSync('sha256', config.fieldKey, Buffer.alloc(0), 'xiangli:blind-index', 32),
    )
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version')
    const raw = Buffer.from(stored.slice(3), 'base64')
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value).digest('hex')
  }

  /** A (valid) phone number sealed for storage, normalised first so that its hash matches what people type; null stays null. */
  sealPhone(phone: string | null): SealedPhone {
    if (phone === null) return { phoneEnc: null, phoneHash: null, phoneMasked: null }
    const plain = normalizePhone(phone)
    return { phoneEnc: this.encrypt(plain), phoneHash: this.phoneIndex(plain), phoneMasked: maskPhone(plain) }
  }

  /** The keyed hash a phone number is matched by. */
  phoneIndex(phone: string): string {
    return this.blindIndex('phone:' + normalizePhone(phone))
  }
}
