/**
 * 出具证明事项清单: what a committee may issue. The default list is deliberately short and keeps to
 * what a committee knows from its own records or can check on the spot; a province (or city, county)
 * adds its own items through a region override (see catalogue.ts).
 */
import { z } from 'zod'
import type { ErrorCode } from '../errors'
import { certificateFieldSchema, type CertificateFieldValues } from './fields'
import {
  renderTemplate,
  templateProblems,
  templateValues,
  type CertificateContext,
  type RenderResult,
} from './template'

export const ITEM_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/
export const itemCodeSchema = z.string().regex(ITEM_CODE_PATTERN, '事项编码只能用小写英文字母、数字和下划线')

/** Time limits count calendar days (自然日); a list that promises working days converts before saving. */
export const timeLimitDaysSchema = z
  .number()
  .int('办理时限要填整数天')
  .min(1, '办理时限至少 1 天')
  .max(30, '办理时限最多 30 天')

export const SELF_GOVERNING_KINDS = ['village', 'community'] as const
export type SelfGoverningKind = (typeof SELF_GOVERNING_KINDS)[number]

export const commitmentSchema = z.discriminatedUnion('allowed', [
  z.object({ allowed: z.literal(false) }),
  /** 告知承诺: the resident signs this text instead of asking for the certificate. */
  z.object({ allowed: z.literal(true), text: z.string().trim().min(1).max(500) }),
])
export type CertificateCommitment = z.infer<typeof commitmentSchema>

export const positiveItemSchema = z
  .object({
    code: itemCodeSchema,
    /** the title printed on the certificate */
    name: z.string().trim().min(2).max(30),
    aliases: z.array(z.string().trim().min(2).max(30)).max(20),
    appliesTo: z.array(z.enum(SELF_GOVERNING_KINDS)).min(1),
    /** 设定依据, short: the law or the list that allows it */
    legalBasis: z.string().trim().min(1).max(200),
    /** 办理用途 */
    purpose: z.string().trim().min(1).max(200),
    /** 申请材料 */
    materials: z.array(z.string().trim().min(1).max(80)).min(1).max(10),
    fields: z.array(certificateFieldSchema).max(12),
    /** the body of the certificate, with {{placeholders}} */
    template: z.string().trim().min(10).max(1000),
    timeLimitDays: timeLimitDaysSchema,
    commitment: commitmentSchema,
  })
  .superRefine((item, ctx) => {
    for (const message of templateProblems(item.template, item.fields))
      ctx.addIssue({ code: 'custom', path: ['template'], message })
    if (item.commitment.allowed)
      for (const message of templateProblems(item.commitment.text, item.fields))
        ctx.addIssue({ code: 'custom', path: ['commitment', 'text'], message })
  })
export type PositiveItem = z.infer<typeof positiveItemSchema>

/** Every default item is allowed because it is on a local list; the text after it says why a committee can know. */
const ON_LOCAL_LIST = '列入本地村（社区）出具证明事项清单'

/** Standard close of a commitment: the resident answers for what they sign. */
const PROMISE = '以上情况属实，如有不实，本人愿意承担相应责任。'

export const DEFAULT_POSITIVE_LIST: readonly PositiveItem[] = [
  {
    code: 'residence',
    name: '居（租）住证明',
    aliases: ['居住证明', '租住证明', '租房证明', '实际居住证明', '住址证明', '居住情况证明'],
    appliesTo: ['village', 'community'],
    legalBasis: `${ON_LOCAL_LIST}；谁住在本村（社区），村（居）委会日常掌握、能够上门核实`,
    purpose: '子女入学、申领居住证、办理社保医保等，需要说明在本村（社区）实际居住时使用',
    materials: [
      '本人居民身份证',
      '住自己房子的：不动产权证书、购房合同等房屋材料',
      '租房或借住的：租赁合同，或房主的书面说明',
    ],
    fields: [
      { key: 'address', label: '住址（本村内的门牌号）', kind: 'text', required: true, maxLength: 60 },
      { key: 'residentSince', label: '从哪天开始住', kind: 'date', required: true },
      {
        key: 'tenure',
        label: '居住方式',
        kind: 'select',
        required: true,
        options: ['自有住房', '租住', '借住'],
      },
    ],
    template:
      '兹证明{{name}}（公民身份号码：{{idNumber}}）自{{residentSince}}起居住在{{village}}{{address}}（{{tenure}}），至今仍在此居住。\n特此证明。',
    timeLimitDays: 3,
    commitment: {
      allowed: true,
      text: `本人{{name}}（公民身份号码：{{idNumber}}）承诺：自{{residentSince}}起居住在{{village}}{{address}}（{{tenure}}），至今仍在此居住。${PROMISE}`,
    },
  },
  {
    code: 'homestead_origin',
    name: '农村宅基地及房屋权属来源证明',
    aliases: [
      '权属来源证明',
      '宅基地权属来源证明',
      '宅基地来源证明',
      '房屋权属来源证明',
      '宅基地证明',
      '建房年份证明',
    ],
    appliesTo: ['village'],
    legalBasis: `${ON_LOCAL_LIST}；宅基地由村集体分配或经批准使用，村里保存分配、审批和建房的记录`,
    purpose: '办理农村宅基地和房屋不动产登记（确权发证）时，说明宅基地怎么取得、房屋哪一年建成',
    materials: [
      '本人居民身份证、户口簿',
      '宅基地批准文件、分配记录或建房审批材料（有的话带上）',
      '房屋现状照片',
    ],
    fields: [
      {
        key: 'location',
        label: '宅基地位置（村民小组、门牌号）',
        kind: 'text',
        required: true,
        maxLength: 60,
      },
      { key: 'area', label: '宅基地面积（平方米）', kind: 'number', required: true, min: 1, max: 2000 },
      {
        key: 'acquisition',
        label: '取得方式',
        kind: 'select',
        required: true,
        options: ['村集体分配', '申请审批后建房', '历史形成（没有批准文件）'],
      },
      {
        key: 'acquiredYear',
        label: '取得年份',
        kind: 'number',
        required: true,
        min: 1949,
        max: 2100,
        integer: true,
      },
      {
        key: 'builtYear',
        label: '房屋建成年份',
        kind: 'number',
        required: true,
        min: 1900,
        max: 2100,
        integer: true,
      },
    ],
    template:
      '兹证明{{name}}（公民身份号码：{{idNumber}}）使用的宅基地位于{{village}}{{location}}，面积{{area}}平方米，于{{acquiredYear}}年取得，取得方式为{{acquisition}}；地上房屋于{{builtYear}}年建成。经核对，以上情况与本村记录相符。\n特此证明。',
    timeLimitDays: 7,
    commitment: { allowed: false },
  },
  {
    code: 'collective_member',
    name: '农村集体经济组织成员证明',
    aliases: ['集体经济组织成员证明', '集体成员证明', '村集体成员证明', '社员证明', '成员资格证明'],
    appliesTo: ['village'],
    legalBasis:
      '《中华人民共和国农村集体经济组织法》：成员由农村集体经济组织确认并登记在成员名册；《中华人民共和国民法典》第一百零一条：未设立村集体经济组织的，村民委员会可以依法代行其职能',
    purpose: '办理承包地、宅基地、集体收益分配、征地补偿等，需要说明本人是本村集体经济组织成员时使用',
    materials: ['本人居民身份证、户口簿'],
    fields: [{ key: 'group', label: '所在村民小组', kind: 'text', required: true, maxLength: 20 }],
    template:
      '兹证明{{name}}（公民身份号码：{{idNumber}}）是{{village}}农村集体经济组织成员（{{group}}），已登记在本村集体经济组织成员名册中。\n特此证明。',
    timeLimitDays: 3,
    commitment: { allowed: false },
  },
  {
    code: 'land_contract',
    name: '土地承包经营情况证明',
    aliases: ['土地承包证明', '承包地证明', '土地承包经营权证明', '承包土地证明', '耕地承包证明'],
    appliesTo: ['village'],
    legalBasis:
      '《中华人民共和国农村土地承包法》：村农民集体所有的土地由村集体经济组织或者村民委员会发包，发包方保存承包档案',
    purpose:
      '申请农业补贴、办理涉农贷款等，需要说明承包地情况时使用。已经领了农村土地承包经营权证的，一般凭证办理',
    materials: ['承包户代表的居民身份证', '农村土地承包经营权证或承包合同（有的话带上）'],
    fields: [
      { key: 'plots', label: '承包地块数', kind: 'number', required: true, min: 1, max: 500, integer: true },
      { key: 'area', label: '承包面积（亩）', kind: 'number', required: true, min: 0.01, max: 10000 },
      { key: 'location', label: '地块位置（村民小组、地名）', kind: 'text', required: true, maxLength: 60 },
      { key: 'contractNumber', label: '承包合同或权证编号', kind: 'text', required: false, maxLength: 40 },
    ],
    template:
      '兹证明{{name}}（公民身份号码：{{idNumber}}）家庭承包本村集体土地{{plots}}块，共{{area}}亩，位于{{location}}。经核对，以上情况与本村土地承包档案相符。\n特此证明。',
    timeLimitDays: 5,
    commitment: { allowed: false },
  },
  {
    code: 'land_transfer',
    name: '土地经营权流转情况证明',
    aliases: ['土地流转证明', '流转证明', '承包地流转证明', '土地出租证明', '土地经营权证明'],
    appliesTo: ['village'],
    legalBasis: '《中华人民共和国农村土地承包法》：承包方流转土地经营权，应当向发包方备案',
    purpose: '种植大户、合作社等申请补贴、贷款或保险，需要说明流转来的土地情况时使用',
    materials: ['本人居民身份证', '土地经营权流转合同'],
    fields: [
      { key: 'role', label: '您在合同中是', kind: 'select', required: true, options: ['流出方', '流入方'] },
      { key: 'otherParty', label: '合同另一方（姓名或单位）', kind: 'text', required: true, maxLength: 40 },
      { key: 'area', label: '流转面积（亩）', kind: 'number', required: true, min: 0.01, max: 100000 },
      { key: 'location', label: '地块位置（村民小组、地名）', kind: 'text', required: true, maxLength: 60 },
      { key: 'startDate', label: '流转开始日期', kind: 'date', required: true },
      { key: 'endDate', label: '流转结束日期', kind: 'date', required: true },
    ],
    template:
      '兹证明{{name}}（公民身份号码：{{idNumber}}）作为{{role}}，与{{otherParty}}签订了土地经营权流转合同，流转本村{{location}}的土地{{area}}亩，期限自{{startDate}}至{{endDate}}，合同已向本村备案。\n特此证明。',
    timeLimitDays: 5,
    commitment: { allowed: false },
  },
  {
    code: 'student_hardship',
    name: '家庭经济困难学生证明',
    aliases: ['贫困学生证明', '困难学生证明', '学生家庭困难证明', '助学金证明', '助学贷款证明', '贫困生证明'],
    appliesTo: ['village', 'community'],
    legalBasis: `${ON_LOCAL_LIST}；只写村（居）委会掌握、能核实的家庭情况，不证明收入和财产`,
    purpose:
      '学校或资助部门明确要求时，用于学生资助申请。多数学校认定家庭经济困难学生，以学生或家长填写的申请表和承诺为准，不需要这份证明，请先问清学校',
    materials: ['申请人居民身份证', '学生证或录取通知书'],
    fields: [
      { key: 'studentName', label: '学生姓名', kind: 'text', required: true, maxLength: 20 },
      { key: 'school', label: '就读学校', kind: 'text', required: true, maxLength: 40 },
      { key: 'address', label: '家庭住址（本村内的门牌号）', kind: 'text', required: true, maxLength: 60 },
      {
        key: 'situation',
        label: '家庭情况',
        kind: 'select',
        required: true,
        options: [
          '低保家庭',
          '特困供养家庭',
          '防止返贫监测对象家庭',
          '孤儿或事实无人抚养儿童',
          '家中遭遇重大变故',
        ],
      },
      { key: 'details', label: '具体情况', kind: 'text', required: true, maxLength: 200 },
    ],
    template:
      '兹证明学生{{studentName}}（就读于{{school}}）家住{{village}}{{address}}。经村（居）委会核实，其家庭属于{{situation}}，具体情况：{{details}}。\n特此证明。',
    timeLimitDays: 3,
    commitment: {
      allowed: true,
      text: `本人{{name}}承诺：学生{{studentName}}（就读于{{school}}）家住{{village}}{{address}}，家庭属于{{situation}}，具体情况：{{details}}。${PROMISE}`,
    },
  },
]

/** The body of the certificate, or a refusal naming every blank. Never a certificate with a gap. */
export function renderCertificateBody(
  item: Pick<PositiveItem, 'fields' | 'template'>,
  context: CertificateContext,
  values: CertificateFieldValues,
): RenderResult {
  return renderTemplate(item.template, templateValues(item.fields, context, values))
}

/** The text the resident signs instead of asking for the certificate, where the item allows it. */
export function renderCommitment(
  item: Pick<PositiveItem, 'fields' | 'commitment'>,
  context: CertificateContext,
  values: CertificateFieldValues,
): RenderResult | { ok: false; code: ErrorCode } {
  if (!item.commitment.allowed) return { ok: false, code: 'CERTIFICATE_COMMITMENT_NOT_ALLOWED' }
  return renderTemplate(item.commitment.text, templateValues(item.fields, context, values))
}
