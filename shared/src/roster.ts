import { isRealDate, isValidPhone, normalizePhone, parseIdNumber } from './identity'

/**
 * One row of a roster sheet (花名册). The sheet's header names are Chinese; these are the columns
 * the importer understands, with the names people actually type for them.
 */
export const ROSTER_COLUMNS = {
  householdCode: ['户号', '户编号'],
  address: ['住址', '地址', '家庭住址'],
  groupName: ['村民小组', '小组', '居民小组', '网格'],
  name: ['姓名'],
  sex: ['性别'],
  birthDate: ['出生日期', '出生年月日'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码'],
  phone: ['手机号', '联系电话', '手机号码', '电话'],
  relation: ['与户主关系'],
  isHouseholdRep: ['户代表', '是否户代表'],
  residency: ['户籍类型', '居住类型', '是否户籍'],
} as const

export type RosterColumn = keyof typeof ROSTER_COLUMNS
export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = ['householdCode', 'name', 'idNumber']

/**
 * Where a person of the roster is registered and lives (村民委员会组织法 Art 13 tells them apart):
 * 户籍 (registered here, living here), 户籍外出 (registered here, living elsewhere), 非户籍常住 (living
 * here, registered elsewhere). Someone registered elsewhere and living elsewhere is not on the roster.
 */
export const RESIDENCIES = ['registered', 'registered_away', 'non_registered'] as const
export type Residency = (typeof RESIDENCIES)[number]
export const RESIDENCY_LABELS: Record<Residency, string> = {
  registered: '户籍',
  registered_away: '户籍外出',
  non_registered: '非户籍常住',
}
/** Registered in the village (户籍), wherever they live now: a villager in the petition counts of Art 21. */
export const isRegisteredHere = (r: Residency): boolean => r === 'registered' || r === 'registered_away'
export type Sex = 'male' | 'female'
export const SEX_LABELS: Record<Sex, string> = { male: '男', female: '女' }

export interface RosterRow {
  householdCode: string
  address: string | null
  groupName: string | null
  name: string
  sex: Sex
  birthDate: string
  idNumber: string
  phone: string | null
  isHouseholdHead: boolean
  isHouseholdRep: boolean
  residency: Residency
}

export type RawRosterRow = Partial<Record<RosterColumn, string>>

/** Finds which column of a header row holds which field; unknown headers are ignored. */
export function mapRosterHeader(header: readonly string[]): {
  columns: Partial<Record<RosterColumn, number>>
  missing: RosterColumn[]
} {
  const columns: Partial<Record<RosterColumn, number>> = {}
  header.forEach((cell, index) => {
    const name = cell.trim()
    for (const key of Object.keys(ROSTER_COLUMNS) as RosterColumn[]) {
      if ((ROSTER_COLUMNS[key] as readonly string[]).includes(name) && columns[key] === undefined)
        columns[key] = index
    }
  })
  const missing = REQUIRED_ROSTER_COLUMNS.filter((c) => columns[c] === undefined)
  return { columns, missing }
}

const YES = ['是', '√', 'Y', 'y', '1', 'true', '户代表']
const NO = ['否', '', 'N', 'n', '0', 'false']

function parseDate(raw: string): string | null {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim()) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(raw.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!isRealDate(y, mo, d)) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * Checks one sheet row. The reason is said the way a committee clerk would fix it in the sheet.
 */
export function parseRosterRow(
  raw: RawRosterRow,
  today: Date = new Date(),
): { ok: true; row: RosterRow } | { ok: false; reason: string } {
  const get = (k: RosterColumn) => (raw[k] ?? '').toString().trim()
  const name = get('name')
  if (!name) return { ok: false, reason: '姓名为空' }
  if (Array.from(name).length > 30) return { ok: false, reason: '姓名过长' }
  const householdCode = get('householdCode')
  if (!householdCode) return { ok: false, reason: '户号为空' }
  if (householdCode.length > 32) return { ok: false, reason: '户号过长' }
  const idRaw = get('idNumber')
  if (!idRaw) return { ok: false, reason: '身份证号为空' }
  const id = parseIdNumber(idRaw, today)
  if ('problem' in id) {
    const why = {
      format: '身份证号应为 18 位',
      birth_date: '身份证号中的出生日期不存在',
      check_digit: '身份证号校验位不对，可能抄错了一位',
    }
    return { ok: false, reason: why[id.problem] }
  }
  let sex: Sex = id.sex
  const sexRaw = get('sex')
  if (sexRaw) {
    if (sexRaw !== '男' && sexRaw !== '女')
      return { ok: false, reason: `性别应填“男”或“女”，不能是“${sexRaw}”` }
    sex = sexRaw === '男' ? 'male' : 'female'
    if (sex !== id.sex) return { ok: false, reason: '性别与身份证号不一致' }
  }
  let birthDate = id.birthDate
  const birthRaw = get('birthDate')
  if (birthRaw) {
    const parsed = parseDate(birthRaw)
    if (!parsed) return { ok: false, reason: `出生日期“${birthRaw}”无法识别，请写成 1980-01-31` }
    if (parsed !== id.birthDate) return { ok: false, reason: '出生日期与身份证号不一致' }
    birthDate = parsed
  }
  let phone: string | null = null
  const phoneRaw = get('phone')
  if (phoneRaw) {
    if (!isValidPhone(phoneRaw)) return { ok: false, reason: `手机号“${phoneRaw}”不正确` }
    phone = normalizePhone(phoneRaw)
  }
  const repRaw = get('isHouseholdRep')
  let isHouseholdRep = false
  if (YES.includes(repRaw)) isHouseholdRep = true
  else if (!NO.includes(repRaw)) return { ok: false, reason: `户代表应填“是”或“否”，不能是“${repRaw}”` }
  const residencyRaw = get('residency')
  let residency: Residency = 'registered'
  if (['非户籍', '非户籍常住', '常住', '流动人口', '否'].includes(residencyRaw)) residency = 'non_registered'
  else if (['户籍外出', '外出'].includes(residencyRaw)) residency = 'registered_away'
  else if (!['', '户籍', '户籍居民', '是'].includes(residencyRaw))
    return { ok: false, reason: `户籍类型应填“户籍”、“户籍外出”或“非户籍”，不能是“${residencyRaw}”` }
  const relation = get('relation')
  return {
    ok: true,
    row: {
      householdCode,
      address: get('address') || null,
      groupName: get('groupName') || null,
      name,
      sex,
      birthDate,
      idNumber: id.value,
      phone,
      isHouseholdHead: relation === '户主' || relation === '本人',
      isHouseholdRep,
      residency,
    },
  }
}
