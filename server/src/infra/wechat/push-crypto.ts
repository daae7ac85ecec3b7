import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * WeChat's 消息推送 in 安全模式 (and 兼容模式): the message travels as `Encrypt`, AES-256-CBC with the
 * key given by the 43-character EncodingAESKey (its base64 with one '=' added; the IV is the key's
 * first 16 bytes), PKCS#7-padded to 32 bytes, over 16 random bytes, the message's length (4 bytes,
 * big-endian), the message and the mini-program's AppID. The request carries `msg_signature`: sha1 of
 * the sorted token, timestamp, nonce and `Encrypt`.
 */

const BLOCK = 32

/** The 32-byte key of an EncodingAESKey, or null when it is not one. */
export function pushAesKey(encodingAesKey: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) return null
  const key = Buffer.from(encodingAesKey + '=', 'base64')
  return key.length === 32 ? key : null
}

/** sha1 of the sorted parts, as WeChat signs an encrypted push. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex')
}

export function msgSignatureValid(
  token: string,
  q: { msg_signature?: string; timestamp: string; nonce: string },
  encrypt: string,
): boolean {
  if (!q.msg_signature || !q.timestamp || !q.nonce) return false
  const expected = Buffer.from(msgSignature(token, q.timestamp, q.nonce, encrypt))
  const given = Buffer.from(q.msg_signature.toLowerCase())
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * The message inside `Encrypt`, or null when it does not decrypt, is malformed, or was made for
 * another AppID.
 */
export function decryptPush(key: Buffer, encrypt: string, appId: string): string | null {
  try {
    const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
    d.setAutoPadding(false)
    const padded = Buffer.concat([d.update(Buffer.from(encrypt, 'base64')), d.final()])
    const pad = padded[padded.length - 1]!
    if (pad < 1 || pad > BLOCK || padded.length < 20 + pad) return null
    const plain = padded.subarray(0, padded.length - pad)
    const length = plain.readUInt32BE(16)
    if (20 + length > plain.length) return null
    const message = plain.subarray(20, 20 + length).toString('utf8')
    const from = plain.subarray(20 + length).toString('utf8')
    return from === appId ? message : null
  } catch {
    return null
  }
}

/** What WeChat sends: the message encrypted for this AppID (the fake WeChat of the tests uses it). */
export function encryptPush(key: Buffer, message: string, appId: string): string {
  const body = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(appId, 'utf8')])
  const pad = BLOCK - (plain.length % BLOCK)
  const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  c.setAutoPadding(false)
  return Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), c.final()]).toString(
    'base64',
  )
}
