import { Inject, Injectable } from '@nestjs/common'
import { createHash } from 'node:crypto'
import { FieldCrypto } from '../../core/crypto/field-crypto.service'
import { OBJECT_STORE, type ObjectStore } from '../../core/files/storage'
import { CertificatePdf, type CertificatePrint } from './certificate-pdf'

/**
 * Certificate PDFs, drawn once and then kept in the object store (UPLOAD_DIR or the bucket), so a
 * download on any instance reads the same document instead of drawing it again. The object is named
 * by the certificate and a hash of everything printed on it: what would change the page (the
 * village's name, PUBLIC_BASE_URL in the QR code) gives a new object, never a stale one. A PDF
 * carries the holder's ID number, which the database keeps encrypted, so the stored copy is
 * encrypted with FIELD_ENCRYPTION_KEY as well: the store's operator sees only ciphertext.
 */
@Injectable()
export class CertificatePdfStore {
  constructor(
    private readonly pdfs: CertificatePdf,
    private readonly crypto: FieldCrypto,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  static key(villageId: number, print: CertificatePrint): string {
    const hash = createHash('sha256').update(JSON.stringify(print)).digest('hex').slice(0, 24)
    return `certificates/${villageId}/${print.number.replace(/[^A-Za-z0-9-]/g, '_')}-${hash}.pdf.enc`
  }

  async pdf(villageId: number, print: CertificatePrint): Promise<Buffer> {
    const key = CertificatePdfStore.key(villageId, print)
    const kept = await this.store.get(key)
    if (kept) return Buffer.from(this.crypto.decrypt(kept.toString('latin1')), 'base64')
    const bytes = await this.pdfs.render(print)
    await this.store.put(
      key,
      Buffer.from(this.crypto.encrypt(bytes.toString('base64')), 'latin1'),
      'application/octet-stream',
    )
    return bytes
  }
}
