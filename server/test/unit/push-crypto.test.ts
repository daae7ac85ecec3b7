import { createHash } from 'node:crypto'
import {
  decryptPush,
  encryptPush,
  msgSignature,
  msgSignatureValid,
  pushAesKey,
} from '../../src/infra/wechat/push-crypto'

const KEY = pushAesKey('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')!

describe("WeChat's encrypted push (安全模式)", () => {
  it('reads the EncodingAESKey as a 32-byte key and refuses anything else', () => {
    expect(KEY).toHaveLength(32)
    expect(pushAesKey('too-short')).toBeNull()
    expect(pushAesKey('abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!')).toBeNull()
  })

  it('decrypts what was encrypted for the AppID, Chinese included', () => {
    const message = JSON.stringify({ Event: 'wxa_media_check', trace_id: 't-1', note: '图片检测' })
    const encrypted = encryptPush(KEY, message, 'wx-app')
    expect(decryptPush(KEY, encrypted, 'wx-app')).toBe(message)
    // the 16 random bytes make each encryption different
    expect(encryptPush(KEY, message, 'wx-app')).not.toBe(encrypted)
  })

  it('refuses a message made for another AppID, a changed ciphertext and garbage', () => {
    const encrypted = encryptPush(KEY, '{"Event":"x"}', 'wx-app')
    expect(decryptPush(KEY, encrypted, 'wx-other')).toBeNull()
    const bytes = Buffer.from(encrypted, 'base64')
    bytes[bytes.length - 1] ^= 0xff
    expect(decryptPush(KEY, bytes.toString('base64'), 'wx-app')).toBeNull()
    expect(decryptPush(KEY, 'not base64 at all', 'wx-app')).toBeNull()
    expect(decryptPush(KEY, '', 'wx-app')).toBeNull()
  })

  it('signs with sha1 of the sorted token, timestamp, nonce and encrypted text', () => {
    const expected = createHash('sha1')
      .update(['tok', '1733480000', 'n1', 'ENC'].sort().join(''))
      .digest('hex')
    expect(msgSignature('tok', '1733480000', 'n1', 'ENC')).toBe(expected)
    const q = { msg_signature: expected, timestamp: '1733480000', nonce: 'n1' }
    expect(msgSignatureValid('tok', q, 'ENC')).toBe(true)
    expect(msgSignatureValid('tok', { ...q, msg_signature: expected.toUpperCase() }, 'ENC')).toBe(true)
    expect(msgSignatureValid('tok', q, 'ENC2')).toBe(false)
    expect(msgSignatureValid('other', q, 'ENC')).toBe(false)
    expect(msgSignatureValid('tok', { timestamp: '1733480000', nonce: 'n1' }, 'ENC')).toBe(false)
  })
})
