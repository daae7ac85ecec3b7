import {
  certificateCheckQuerySchema,
  readCertificateCheckQuery,
  certificateCheckPageUrl,
  certificateVerificationUrl,
  formatVerificationCode,
  isValidVerificationCode,
  normalizeVerificationCode,
  PUBLIC_CHECK_RESULT_LABELS,
  publicCertificateCheck,
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  verificationCodeFromBytes,
  verificationCodesMatch,
  type StoredCertificateForCheck,
} from './verification-code'

describe('the verification code alphabet', () => {
  it('has 32 distinct characters, so each random byte maps without bias', () => {
    expect(VERIFICATION_CODE_ALPHABET).toHaveLength(32)
    expect(new Set(VERIFICATION_CODE_ALPHABET).size).toBe(32)
    expect(256 % VERIFICATION_CODE_ALPHABET.length).toBe(0)
  })

  it('leaves out the characters people misread: 0, O, 1 and I', () => {
    for (const c of '0O1I') expect(VERIFICATION_CODE_ALPHABET).not.toContain(c)
  })

  it('is upper case only', () => {
    expect(VERIFICATION_CODE_ALPHABET).toBe(VERIFICATION_CODE_ALPHABET.toUpperCase())
  })
})

describe('verificationCodeFromBytes', () => {
  it('maps eight bytes to eight characters of the alphabet', () => {
    expect(verificationCodeFromBytes(new Uint8Array([0, 1, 31, 32, 33, 255, 128, 64]))).toBe('23Z23Z22')
  })

  it('uses every character equally over all 256 byte values', () => {
    const counts = new Map<string, number>()
    for (let b = 0; b < 256; b++) {
      const c = verificationCodeFromBytes(new Uint8Array(8).fill(b))[0]!
      counts.set(c, (counts.get(c) ?? 0) + 1)
    }
    expect([...counts.values()]).toEqual(Array(32).fill(8))
  })

  it('produces codes the validator accepts', () => {
    for (let b = 0; b < 256; b += 7) {
      const bytes = Uint8Array.from({ length: 8 }, (_, i) => (b * (i + 3)) % 256)
      expect(isValidVerificationCode(verificationCodeFromBytes(bytes))).toBe(true)
    }
  })

  it('refuses too few bytes rather than making a short code', () => {
    expect(() => verificationCodeFromBytes(new Uint8Array(7))).toThrow()
  })
})

describe('isValidVerificationCode', () => {
  it.each(['K7QM3XPA', 'k7qm3xpa', 'K7QM-3XPA', ' K7QM 3XPA ', 'Ｋ７ＱＭ３ＸＰＡ'])('accepts %s', (code) => {
    expect(isValidVerificationCode(code)).toBe(true)
  })

  it.each([
    ['seven characters', 'K7QM3XP'],
    ['nine characters', 'K7QM3XPAB'],
    ['a zero', 'K7QM3XP0'],
    ['a letter O', 'K7QM3XPO'],
    ['a one', 'K7QM3XP1'],
    ['a letter I', 'K7QM3XPI'],
    ['a symbol', 'K7QM3XP*'],
    ['nothing', ''],
  ])('refuses a code with %s', (_, code) => {
    expect(isValidVerificationCode(code)).toBe(false)
  })

  it(`expects ${VERIFICATION_CODE_LENGTH} characters`, () => {
    expect(VERIFICATION_CODE_LENGTH).toBe(8)
  })
})

describe('formatting and comparing codes', () => {
  it('prints a code in two groups of four', () => {
    expect(formatVerificationCode('k7qm3xpa')).toBe('K7QM-3XPA')
  })

  it('normalises what people type', () => {
    expect(normalizeVerificationCode(' k7qm–3xpa ')).toBe('K7QM3XPA')
  })

  it('matches the same code however it was typed, and nothing else', () => {
    expect(verificationCodesMatch('K7QM3XPA', 'k7qm-3xpa')).toBe(true)
    expect(verificationCodesMatch('K7QM3XPA', 'K7QM3XPB')).toBe(false)
    expect(verificationCodesMatch('K7QM3XPA', 'K7QM3XP')).toBe(false)
    expect(verificationCodesMatch('K7QM3XPA', 'K7QM3XPAA')).toBe(false)
    expect(verificationCodesMatch('K7QM3XPA', '')).toBe(false)
  })
})

describe('publicCertificateCheck', () => {
  const stored = (overrides: Partial<StoredCertificateForCheck> = {}): StoredCertificateForCheck => ({
    number: '330106101201-2026-0007',
    verificationCode: 'K7QM3XPA',
    state: 'issued',
    itemName: '居（租）住证明',
    villageName: '西湖村',
    issuedOn: '2026-03-08',
    holderName: '张晓明',
    matchesArchive: true,
    ...overrides,
  })

  it('answers valid with the item, village, date and the holder’s masked name, and nothing else', () => {
    const view = publicCertificateCheck(stored(), 'k7qm-3xpa')
    expect(view).toEqual({
      result: 'valid',
      number: '330106101201-2026-0007',
      itemName: '居（租）住证明',
      villageName: '西湖村',
      issuedOn: '2026-03-08',
      holderName: '张*明',
    })
    expect(Object.keys(view).sort()).toEqual([
      'holderName',
      'issuedOn',
      'itemName',
      'number',
      'result',
      'villageName',
    ])
  })

  it('answers revoked for a revoked certificate', () => {
    expect(publicCertificateCheck(stored({ state: 'revoked' }), 'K7QM3XPA')).toMatchObject({
      result: 'revoked',
    })
  })

  it('answers invalid, and nothing more, to a wrong code', () => {
    expect(publicCertificateCheck(stored(), 'K7QM3XPB')).toEqual({ result: 'invalid' })
  })

  it('answers invalid to an unknown number', () => {
    expect(publicCertificateCheck(null, 'K7QM3XPA')).toEqual({ result: 'invalid' })
  })

  it('answers invalid to a malformed code even if it were stored that way', () => {
    expect(publicCertificateCheck(stored({ verificationCode: 'OOOO' }), 'OOOO')).toEqual({
      result: 'invalid',
    })
  })

  it('answers 证明信息与存档不一致, and none of the stored facts, when the record no longer matches its archive', () => {
    const view = publicCertificateCheck(stored({ matchesArchive: false }), 'K7QM3XPA')
    expect(view).toEqual({
      result: 'mismatch',
      number: '330106101201-2026-0007',
      message: '证明信息与存档不一致',
    })
    // a revoked certificate whose record was changed says the same, never 已作废 with altered facts
    expect(publicCertificateCheck(stored({ state: 'revoked', matchesArchive: false }), 'K7QM3XPA')).toEqual(
      view,
    )
  })

  it('tells the holder of the genuine code that the stored code was changed, not that the paper is 无效', () => {
    expect(publicCertificateCheck(stored({ verificationCode: 'ABCDEFGH' }), 'K7QM3XPA', true)).toMatchObject({
      result: 'mismatch',
    })
    expect(publicCertificateCheck(stored({ verificationCode: 'ABCDEFGH' }), 'K7QM3XPA', false)).toEqual({
      result: 'invalid',
    })
  })

  it('labels each answer in Chinese', () => {
    expect(PUBLIC_CHECK_RESULT_LABELS).toEqual({
      valid: '有效',
      revoked: '已作废',
      mismatch: '证明信息与存档不一致',
      invalid: '无效',
    })
  })
})

describe('the verification link', () => {
  it('carries the number and the code', () => {
    expect(
      certificateVerificationUrl('https://xiangli.example/verify', '330106101201-2026-0007', 'k7qm-3xpa'),
    ).toBe('https://xiangli.example/verify?n=330106101201-2026-0007&c=K7QM3XPA')
  })

  it('adds to a base URL that already has a query', () => {
    expect(
      certificateVerificationUrl(
        'https://x.example/h5/#/verify?from=qr',
        '330106101201-2026-0007',
        'K7QM3XPA',
      ),
    ).toBe('https://x.example/h5/#/verify?from=qr&n=330106101201-2026-0007&c=K7QM3XPA')
  })

  it('points the QR code at the plain check page, whatever the base URL ends with', () => {
    expect(certificateCheckPageUrl('https://xiangli.example/', '330106101201-2026-0007', 'k7qm-3xpa')).toBe(
      'https://xiangli.example/certificates/check?n=330106101201-2026-0007&c=K7QM3XPA',
    )
    expect(certificateCheckPageUrl('http://127.0.0.1:3000', 'A-1', 'K7QM3XPA')).toBe(
      'http://127.0.0.1:3000/certificates/check?n=A-1&c=K7QM3XPA',
    )
  })

  it('is read back by the query schema', () => {
    expect(certificateCheckQuerySchema.parse({ n: ' 330106101201-2026-0007 ', c: 'K7QM3XPA' })).toEqual({
      n: '330106101201-2026-0007',
      c: 'K7QM3XPA',
    })
    expect(certificateCheckQuerySchema.safeParse({ n: '', c: 'K7QM3XPA' }).success).toBe(false)
  })

  it('is read the same way without zod on the check page', () => {
    const cases: { n?: unknown; c?: unknown }[] = [
      { n: ' 330106101201-2026-0007 ', c: ' K7QM-3XPA ' },
      { n: '', c: 'K7QM3XPA' },
      { n: '   ', c: 'K7QM3XPA' },
      { n: 'A-1', c: '' },
      { n: 'A-1' },
      { c: 'K7QM3XPA' },
      { n: 7, c: 'K7QM3XPA' },
      { n: 'x'.repeat(40), c: 'y'.repeat(20) },
      { n: 'x'.repeat(41), c: 'K7QM3XPA' },
      { n: 'A-1', c: 'y'.repeat(21) },
    ]
    for (const input of cases) {
      const bySchema = certificateCheckQuerySchema.safeParse(input)
      const read = readCertificateCheckQuery(input)
      expect(read.ok).toBe(bySchema.success)
      if (read.ok && bySchema.success) expect(read.query).toEqual(bySchema.data)
    }
    expect(readCertificateCheckQuery({ n: '', c: 'K7QM3XPA' })).toEqual({
      ok: false,
      message: '请输入证明编号',
    })
    expect(readCertificateCheckQuery({ n: 'A-1', c: ' ' })).toEqual({ ok: false, message: '请输入查验码' })
  })
})
