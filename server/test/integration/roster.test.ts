import { idNumberCheckChar, type ResidentView } from '@xiangli/shared'
import { Resident } from '../../src/modules/roster/entities/resident.entity'
import { DemoSeeder } from '../../src/modules/demo/demo.seed'
import { ENTITIES } from '../../src/entities'
import { DIALECT, multipart, startTestApp, villageIds, type TestApp } from '../support/app'
import { agreeToIdNumber, birthFor, phoneFor, residentByName } from '../support/factories'
import { csvFile, csvText, encodeGbk, xlsxFile, type SheetRow } from '../support/sheets'

const MASKED = /^\d{4}\*{10}[\dX]{4}$/
const SURNAMES = '王李张陈杨赵黄周吴徐孙胡朱高林何郭马罗梁'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国文斌玉兰秀云海燕志红春梅德福立新永康晓东'

/** Roster row number n (0-based) of a generated sheet; `area` keeps two sheets' people apart. */
function person(n: number, area: string): SheetRow {
  const sex = n % 2 === 0 ? 'male' : 'female'
  const birth = birthFor(n * 3)
  const first17 = `${area}${birth}${String((n % 500) * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0')}`
  return {
    户号: `${area.slice(0, 2)}-${String(Math.floor(n / 4)).padStart(4, '0')}`,
    住址: `${(n % 5) + 1}组 ${Math.floor(n / 4)} 号`,
    村民小组: `${'一二三四五'[n % 5]}组`,
    姓名: SURNAMES[n % SURNAMES.length]! + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]!,
    性别: sex === 'male' ? '男' : '女',
    出生日期: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    身份证号: first17 + idNumberCheckChar(first17),
    手机号: phoneFor(n),
    与户主关系: n % 4 === 0 ? '户主' : '子女',
    户代表: n % 4 === 0 ? '是' : '否',
    户籍类型: n % 7 === 0 ? '非户籍' : '户籍',
  }
}

const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

/**
 * 1,000 rows with ten bad ones, each bad in its own way. Returns the rows and the failures the
 * importer must report, by sheet row (the header is row 1, so person n is on row n + 2).
 */
function thousandRows(
  area: string,
  alreadyOnRoster: string,
): { rows: SheetRow[]; expected: { row: number; reason: string }[] } {
  const rows = Array.from({ length: 1000 }, (_, n) => person(n, area))
  const expected: { row: number; reason: string }[] = []
  const spoil = (n: number, change: SheetRow, reason: string) => {
    Object.assign(rows[n]!, change)
    expected.push({ row: n + 2, reason })
  }
  const impossibleBirth = `${area}19990230002`
  spoil(12, { 身份证号: wrongCheck(String(rows[12]!.身份证号)) }, '身份证号校验位不对，可能抄错了一位')
  spoil(100, { 姓名: '' }, '姓名为空')
  spoil(200, { 手机号: '1234567' }, '手机号“1234567”不正确')
  spoil(300, { 性别: rows[300]!.性别 === '男' ? '女' : '男' }, '性别与身份证号不一致')
  spoil(
    400,
    { 身份证号: rows[5]!.身份证号, 性别: rows[5]!.性别, 出生日期: rows[5]!.出生日期 },
    '身份证号与第 7 行重复',
  )
  spoil(500, { 身份证号: impossibleBirth + idNumberCheckChar(impossibleBirth) }, '身份证号中的出生日期不存在')
  spoil(600, { 户号: '' }, '户号为空')
  spoil(700, { 出生日期: '1900-01-01' }, '出生日期与身份证号不一致')
  spoil(800, { 户代表: '也许' }, '户代表应填“是”或“否”，不能是“也许”')
  spoil(999, { 姓名: '刘小满', 身份证号: alreadyOnRoster, 性别: '', 出生日期: '' }, '此人已在花名册中')
  return { rows, expected }
}

describe(`importing a roster on ${DIALECT}`, () => {
  let t: TestApp
  let ids: { village: number; community: number }
  let committee: string
  let newcomerId: string
  const imported: string[] = []
  const importedPhones: string[] = []

  const upload = (file: Buffer, filename: string, token = committee, villageId = ids.village) =>
    t.request({
      method: 'POST',
      url: `/api/villages/${villageId}/roster/import`,
      token,
      ...multipart('file', filename, file),
    })
  const residents = (query: string, token = committee) =>
    t.request({ method: 'GET', url: `/api/villages/${ids.village}/residents?${query}`, token })

  beforeAll(async () => {
    t = await startTestApp()
    ids = await villageIds(t.ds)
    committee = await t.login('committee')
    newcomerId = await t.app.get(DemoSeeder).newcomerIdNumber()
  })
  afterAll(async () => t.close())

  describe('a 1,000-row sheet with ten bad rows', () => {
    it('imports the 990 good rows of an .xlsx file and reports the ten bad ones by row and reason', async () => {
      const { rows, expected } = thousandRows('110101', newcomerId)
      const res = await upload(await xlsxFile(rows), '花名册.xlsx')
      expect(res.status).toBe(201)
      expect(res.body).toEqual({ totalRows: 1000, imported: 990, householdsCreated: 250, failed: expected })
      imported.push(...rows.map((r) => String(r.身份证号)))
      importedPhones.push(...rows.map((r) => String(r.手机号)).filter((p) => p.length === 11))
      expect(await t.ds.getRepository(Resident).countBy({ villageId: ids.village })).toBe(42 + 990)
    })

    it('imports the same kind of sheet as .csv', async () => {
      const { rows, expected } = thousandRows('120101', newcomerId)
      const res = await upload(csvFile(rows), '花名册.csv')
      expect(res.status).toBe(201)
      expect(res.body).toEqual({ totalRows: 1000, imported: 990, householdsCreated: 250, failed: expected })
      imported.push(...rows.map((r) => String(r.身份证号)))
      importedPhones.push(...rows.map((r) => String(r.手机号)).filter((p) => p.length === 11))
      expect(await t.ds.getRepository(Resident).countBy({ villageId: ids.village })).toBe(42 + 1980)
    })

    it('reports the rows as already on the roster when the same sheet comes again', async () => {
      const { rows, expected } = thousandRows('120101', newcomerId)
      const res = await upload(csvFile(rows), '花名册.csv')
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ totalRows: 1000, imported: 0, householdsCreated: 0 })
      expect(res.body.failed).toHaveLength(1000)
      const stillBad = new Map(
        expected.filter((e) => e.reason !== '身份证号与第 7 行重复').map((e) => [e.row, e.reason]),
      )
      for (const f of res.body.failed as { row: number; reason: string }[])
        expect(f.reason).toBe(stillBad.get(f.row) ?? '此人已在花名册中')
      expect(await t.ds.getRepository(Resident).countBy({ villageId: ids.village })).toBe(42 + 1980)
    })

    it('records who imported what in the audit log', async () => {
      const rows: { action: string; actorName: string }[] = await t.ds.query(
        `SELECT action, actorName FROM audit_entry WHERE action = 'roster.imported'`,
      )
      expect(rows).toEqual([
        { action: 'roster.imported', actorName: '张丽' },
        { action: 'roster.imported', actorName: '张丽' },
        { action: 'roster.imported', actorName: '张丽' },
      ])
    })
  })

  describe('file formats', () => {
    it('reads a CSV saved as GBK', async () => {
      const rows = [
        { ...person(2000, '130101'), 姓名: '欧阳修文' },
        { ...person(2001, '130101'), 姓名: '诸葛秀英', 住址: '三组 十号' },
      ]
      const file = encodeGbk(csvText(rows))
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow()
      const res = await upload(file, 'gbk.csv')
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ imported: 2, failed: [] })
      const found = await residents('q=' + encodeURIComponent('欧阳修文'))
      expect(found.body.items.map((r: ResidentView) => r.name)).toEqual(['欧阳修文'])
    })

    it('refuses a sheet without the 身份证号 column and names it', async () => {
      const file = csvFile([{ 户号: '900', 姓名: '张三' }], ['户号', '姓名', '手机号'])
      const res = await upload(file, 'no-id.csv')
      expect(res.status).toBe(400)
      expect(res.body).toEqual({
        code: 'ROSTER_FILE_INVALID',
        message: '表格缺少必填列：身份证号',
        details: { missingColumns: ['idNumber'] },
        requestId: expect.any(String),
      })
    })

    it('finds the columns by the other names people give them', async () => {
      const p = person(2002, '130101')
      const file = csvFile(
        [{ 户编号: p.户号, 姓名: p.姓名, 公民身份号码: p.身份证号, 联系电话: p.手机号 }],
        ['户编号', '姓名', '公民身份号码', '联系电话'],
      )
      expect((await upload(file, 'aliases.csv')).body).toMatchObject({ imported: 1, failed: [] })
    })

    it('explains an ID number that Excel stored as a number', async () => {
      const p = person(2003, '130101')
      const file = await xlsxFile([{ ...p, 身份证号: Number(String(p.身份证号).slice(0, 17)) }])
      const res = await upload(file, 'numeric.xlsx')
      expect(res.body.imported).toBe(0)
      expect(res.body.failed).toEqual([{ row: 2, reason: expect.stringContaining('存成了数字') }])
    })

    it('refuses a file that is neither a spreadsheet nor text', async () => {
      const res = await upload(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff]), 'photo.jpg')
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('ROSTER_FILE_INVALID')
    })

    it('refuses a sheet of more than 5,000 rows', async () => {
      const rows = Array.from({ length: 5001 }, (_, n) => person(3000 + n, '140101'))
      const res = await upload(csvFile(rows), 'too-many.csv')
      expect(res.status).toBe(413)
      expect(res.body.code).toBe('ROSTER_FILE_TOO_LARGE')
      expect(await t.ds.getRepository(Resident).countBy({ villageId: ids.village })).toBe(42 + 1980 + 3)
    })

    it('refuses a file over 5 MB', async () => {
      const res = await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'huge.csv')
      expect(res.status).toBe(413)
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE')
    })

    it('refuses a broken .xlsx', async () => {
      const res = await upload(
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
        'broken.xlsx',
      )
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('ROSTER_FILE_INVALID')
    })
  })

  describe('ID numbers at rest and on screen', () => {
    it('stores no ID number or phone number in plain text in any column of any table', async () => {
      // the newcomer's request puts her number into verification_request as well
      const newcomer = await t.login('newcomer')
      const phone = (await residentByName(t, '刘小满')).plainPhone
      await agreeToIdNumber(t, newcomer)
      const submitted = await t.request({
        method: 'POST',
        url: '/api/me/verifications',
        token: newcomer,
        body: { villageId: ids.village, name: '刘小满', idNumber: newcomerId, phone },
      })
      expect(submitted.status).toBe(201)

      const secrets = new Set([...imported, newcomerId])
      expect(secrets.size).toBeGreaterThan(1900)
      const phones = new Set([...importedPhones, phone])
      expect(phones.size).toBeGreaterThan(900)
      const leaks: string[] = []
      let scanned = 0
      for (const entity of ENTITIES) {
        const table = t.ds.getMetadata(entity).tableName
        const rows: Record<string, unknown>[] = await t.ds.query(`SELECT * FROM ${table}`)
        for (const row of rows)
          for (const [column, value] of Object.entries(row)) {
            if (typeof value !== 'string') continue
            scanned++
            for (let i = 0; i + 18 <= value.length; i++)
              if (secrets.has(value.slice(i, i + 18))) leaks.push(`${table}.${column}`)
            for (let i = 0; i + 11 <= value.length; i++)
              if (phones.has(value.slice(i, i + 11))) leaks.push(`${table}.${column} (phone)`)
          }
      }
      expect(scanned).toBeGreaterThan(2000 * 6) // six or more text columns on each of the 2,000-odd residents
      expect(leaks).toEqual([])
    })

    it('shows the committee every other person’s ID number masked, on every page', async () => {
      const seen = new Set<number>()
      let total = 0
      for (let page = 1; ; page++) {
        const res = await residents(`page=${page}&pageSize=100`)
        expect(res.status).toBe(200)
        total = res.body.total
        for (const r of res.body.items as (ResidentView & { id: number })[]) {
          seen.add(r.id)
          if (r.name !== '张丽')
            expect({ name: r.name, idNumber: r.idNumber }).toEqual({
              name: r.name,
              idNumber: expect.stringMatching(MASKED),
            })
        }
        if (res.body.items.length < 100) break
      }
      expect(seen.size).toBe(total)
      expect(total).toBe(42 + 1980 + 3)
    })

    it('shows a committee member her own ID number in full', async () => {
      const res = await residents('q=' + encodeURIComponent('张丽'))
      const own = (res.body.items as ResidentView[]).find((r) => r.name === '张丽')!
      expect(own.idNumber).toMatch(/^\d{17}[\dX]$/)
      expect(own.idNumber.slice(0, 4) + '**********' + own.idNumber.slice(-4)).toMatch(MASKED)
      expect(own.linked).toBe(true)
    })

    it('does not let a plain resident list the roster at all, her own row included', async () => {
      // a resident has no roster route; the only place her number appears to her is her verification, masked
      const res = await residents('q=' + encodeURIComponent('王秀英'), await t.login('resident'))
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('FORBIDDEN')
    })

    it('shows the newcomer her own verification with the ID number masked', async () => {
      const me = (await t.request({ method: 'GET', url: '/api/me', token: await t.login('newcomer') })).body
      expect(me.verifications[0].idNumberMasked).toMatch(MASKED)
      expect(me.verifications[0].idNumberMasked).toBe(
        newcomerId.slice(0, 4) + '*'.repeat(10) + newcomerId.slice(-4),
      )
      expect(me.verifications[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
    })
  })

  describe('listing residents', () => {
    it('pages through the roster with total, page and pageSize', async () => {
      const first = await residents('page=1&pageSize=7')
      const second = await residents('page=2&pageSize=7')
      expect(first.body).toMatchObject({ total: 42 + 1980 + 3, page: 1, pageSize: 7 })
      expect(first.body.items).toHaveLength(7)
      expect(second.body).toMatchObject({ page: 2, pageSize: 7 })
      const overlap = (first.body.items as { id: number }[]).filter((a) =>
        (second.body.items as { id: number }[]).some((b) => b.id === a.id),
      )
      expect(overlap).toEqual([])
    })

    it('answers an empty page past the end', async () => {
      const res = await residents('page=10000&pageSize=100')
      expect(res.body).toMatchObject({ items: [], total: 42 + 1980 + 3, page: 10000 })
    })

    it('defaults to the first page of 20', async () => {
      const res = await residents('')
      expect(res.body).toMatchObject({ page: 1, pageSize: 20 })
      expect(res.body.items).toHaveLength(20)
    })

    it('refuses a page size over 100', async () => {
      const res = await residents('pageSize=101')
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('VALIDATION_FAILED')
    })

    it('finds people by part of their name', async () => {
      const res = await residents('q=' + encodeURIComponent('秀英') + '&pageSize=100')
      const names = (res.body.items as ResidentView[]).map((r) => r.name)
      expect(names).toEqual(expect.arrayContaining(['王秀英', '诸葛秀英']))
      expect(names.every((n) => n.includes('秀英'))).toBe(true)
      expect(res.body.total).toBe(names.length)
    })

    it('treats % and _ in the search as nothing special', async () => {
      const all = await residents('pageSize=1')
      const res = await residents('q=' + encodeURIComponent('%') + '&pageSize=1')
      expect(res.body.total).toBe(all.body.total)
      expect((await residents('q=' + encodeURIComponent('张_'))).body.total).toBe(
        (await residents('q=' + encodeURIComponent('张'))).body.total,
      )
    })

    it('lists one household', async () => {
      const anyone = (await residents('q=' + encodeURIComponent('王秀英'))).body.items[0] as ResidentView
      const res = await residents(`householdId=${anyone.householdId}`)
      expect((res.body.items as ResidentView[]).map((r) => r.name).sort()).toEqual(
        ['王小军', '王德福', '王秀英', '王雨'].sort(),
      )
    })
  })
})
