/**
 * 不应由基层群众性自治组织出具证明事项清单（第一批）: the 20 certificates a village or community
 * committee never issues, from 民政部 国家发展改革委 公安部 司法部 人力资源社会保障部 国家卫生健康委
 * 《关于改进和规范基层群众性自治组织出具证明工作的指导意见》(民发〔2020〕20号).
 *
 * Refusing is only half the job: every item says where the resident goes instead, in words a villager
 * understands. The guidance names the kind of office, never a local address; places differ.
 */

export const NEGATIVE_LIST_SOURCE =
  '民政部等六部门《关于改进和规范基层群众性自治组织出具证明工作的指导意见》（民发〔2020〕20号）'

export interface NegativeListGuidance {
  /** Where to go instead and what to bring, in one or two plain sentences. */
  answer: string
  /** The offices that serve instead, short enough for chips on a phone. */
  offices: readonly string[]
  /** When a written commitment (告知承诺 / 个人承诺) may stand in for a certificate; null when it may not. */
  commitment: string | null
}

export interface NegativeListItem {
  /** Stable code; never reused by a positive item. */
  code: string
  /** The item as the list names it. */
  name: string
  /** What people type when they look for it. */
  aliases: readonly string[]
  guidance: NegativeListGuidance
}

export const NEGATIVE_LIST: readonly NegativeListItem[] = [
  {
    code: 'kinship',
    name: '亲属关系',
    aliases: [
      '亲属关系证明',
      '关系证明',
      '直系亲属证明',
      '亲属证明',
      '家庭关系证明',
      '家庭成员证明',
      '亲子关系证明',
      '父子关系证明',
      '母子关系证明',
      '父女关系证明',
      '母女关系证明',
      '夫妻关系证明',
      '兄弟姐妹关系证明',
      '祖孙关系证明',
    ],
    guidance: {
      answer:
        '户口簿、结婚证、出生医学证明等证件本身就能说明亲属关系，请先问办事单位能不能直接用这些证件。证件说明不了的，可以到户籍所在地派出所按规定办理，或到公证机构办理亲属关系公证。',
      offices: ['公安机关（派出所）', '民政部门（婚姻登记机关）', '公证机构'],
      commitment: '办事单位接受个人承诺的，可以由本人书面承诺说明亲属关系。',
    },
  },
  {
    code: 'identity',
    name: '居民身份信息（户籍）',
    aliases: [
      '居民身份信息证明',
      '身份信息证明',
      '身份证明',
      '户籍证明',
      '户口证明',
      '户籍信息证明',
      '曾用名证明',
      '同一人证明',
      '户籍所在地证明',
      '籍贯证明',
      '民族证明',
    ],
    guidance: {
      answer:
        '身份和户籍信息以居民身份证、户口簿为准。需要户籍证明（包括曾用名、同一人等情况）的，请带身份证、户口簿到户籍所在地派出所办理。',
      offices: ['公安机关（派出所）'],
      commitment: null,
    },
  },
  {
    code: 'household_change',
    name: '户口登记项目内容变更申请',
    aliases: [
      '户口登记项目内容变更申请证明',
      '户口变更证明',
      '户口更正证明',
      '户籍变更证明',
      '更改出生日期证明',
      '改年龄证明',
      '改名证明',
      '更名证明',
      '更改民族证明',
    ],
    guidance: {
      answer:
        '户口簿上的姓名、出生日期、民族等要变更或更正，请带身份证、户口簿和能说明情况的原始材料（如出生医学证明、档案、学籍材料）到户籍所在地派出所申请，由公安机关核实办理。',
      offices: ['公安机关（派出所）'],
      commitment: null,
    },
  },
  {
    code: 'dog_keeping',
    name: '居民养犬',
    aliases: ['居民养犬证明', '养犬证明', '养狗证明', '犬只证明', '犬证证明', '养犬登记证明'],
    guidance: {
      answer:
        '养犬登记、办犬证，请到当地负责养犬登记的部门办理（多数地方是公安机关，有的地方是城管或农业农村部门），按要求带上犬只免疫证明等材料。',
      offices: ['养犬登记管理部门（多数地方是公安机关）'],
      commitment: null,
    },
  },
  {
    code: 'no_criminal_record',
    name: '无犯罪记录',
    aliases: [
      '无犯罪记录证明',
      '无犯罪证明',
      '无违法犯罪证明',
      '无违法犯罪记录证明',
      '犯罪记录证明',
      '良民证',
    ],
    guidance: {
      answer:
        '无犯罪记录证明由公安机关出具。请带身份证到户籍所在地或居住地的派出所申请，不少地方也可以在公安机关的网上平台申请。',
      offices: ['公安机关（派出所）'],
      commitment: null,
    },
  },
  {
    code: 'drug_rehabilitation',
    name: '社区戒毒社区康复人员情况',
    aliases: [
      '社区戒毒社区康复人员情况证明',
      '社区戒毒证明',
      '社区康复证明',
      '戒毒证明',
      '戒毒表现证明',
      '吸毒情况证明',
      '无吸毒证明',
    ],
    guidance: {
      answer:
        '社区戒毒、社区康复由乡镇人民政府、街道办事处负责。需要社区戒毒、社区康复期间表现等情况证明的，请向负责执行的乡镇（街道）或公安机关了解办理。',
      offices: ['乡镇人民政府（街道办事处）', '公安机关'],
      commitment: null,
    },
  },
  {
    code: 'missing_person',
    name: '人员失踪',
    aliases: ['人员失踪证明', '失踪证明', '走失证明', '下落不明证明', '失联证明'],
    guidance: {
      answer:
        '家人走失请马上向公安机关报警，报警记录可以说明情况。需要在法律上确认某人失踪（宣告失踪）的，由利害关系人向人民法院申请，法院依法判决。',
      offices: ['公安机关', '人民法院'],
      commitment: null,
    },
  },
  {
    code: 'marital_status',
    name: '婚姻状况',
    aliases: [
      '婚姻状况证明',
      '婚姻证明',
      '单身证明',
      '未婚证明',
      '已婚证明',
      '离婚证明',
      '丧偶证明',
      '无配偶证明',
      '未再婚证明',
    ],
    guidance: {
      answer:
        '结婚证、离婚证就能说明婚姻状况。需要婚姻登记记录的，可以到婚姻登记机关查询；办理结婚登记时，按规定由本人签字声明，不需要村（居）委会证明。',
      offices: ['民政部门（婚姻登记机关）'],
      commitment: '需要说明单身（未婚）或已婚的，办事单位接受个人承诺的，可以由本人书面承诺。',
    },
  },
  {
    code: 'birth',
    name: '出生',
    aliases: ['出生证明', '出生医学证明', '出生日期证明', '出生地证明', '出生时间证明', '年龄证明'],
    guidance: {
      answer:
        '在医院出生的，出生医学证明由出生的医院（助产机构）出具；出生日期、出生地点以户口簿、身份证为准。出生医学证明要补发或更正的，请找原来出具的医院或当地卫生健康部门咨询。',
      offices: ['医疗机构（助产机构）', '卫生健康部门', '公安机关（派出所）'],
      commitment: null,
    },
  },
  {
    code: 'alive',
    name: '健在',
    aliases: ['健在证明', '生存证明', '在世证明', '存活证明', '活着证明', '养老金认证证明'],
    guidance: {
      answer:
        '领取养老金等待遇要做的资格认证，可以用手机刷脸认证（当地人社部门的 App 或小程序），也可以到社保经办机构或乡镇（街道）便民服务窗口认证；行动不便的，可以向社保经办机构咨询上门认证。',
      offices: ['社会保险经办机构'],
      commitment: null,
    },
  },
  {
    code: 'death',
    name: '死亡',
    aliases: ['死亡证明', '死亡医学证明', '去世证明', '亡故证明', '过世证明', '死亡原因证明'],
    guidance: {
      answer:
        '在医院去世的，由医院开具居民死亡医学证明；在家中正常去世的，由当地乡镇卫生院或社区卫生服务中心调查后开具；非正常死亡或不能确定是否正常死亡的，由公安机关出具。注销户口、办理丧葬都凭这些证明。',
      offices: ['医疗卫生机构（乡镇卫生院、社区卫生服务中心、医院）', '公安机关'],
      commitment: null,
    },
  },
  {
    code: 'illness',
    name: '疾病状况',
    aliases: ['疾病状况证明', '疾病证明', '病情证明', '患病证明', '生病证明', '身体状况证明', '健康证明'],
    guidance: {
      answer: '生病的情况以医院的诊断证明、病历、检查报告为准，请到看病的医院开具。',
      offices: ['医疗机构'],
      commitment: null,
    },
  },
  {
    code: 'disability',
    name: '残疾状况',
    aliases: ['残疾状况证明', '残疾证明', '残疾人证明', '伤残证明', '残障证明'],
    guidance: {
      answer: '残疾情况以残疾人证为准。还没有办证的，请到县级残联申请，由残联指定的医院评定后发证。',
      offices: ['残疾人联合会（残联）'],
      commitment: null,
    },
  },
  {
    code: 'childbearing',
    name: '婚育状况',
    aliases: [
      '婚育状况证明',
      '婚育证明',
      '婚育情况证明',
      '生育证明',
      '生育状况证明',
      '生育情况证明',
      '计划生育证明',
      '未生育证明',
      '独生子女证明',
    ],
    guidance: {
      answer:
        '生育登记、生育服务请找乡镇（街道）或县级卫生健康部门办理。需要说明婚育情况的，一般由本人如实填写并书面承诺。',
      offices: ['卫生健康部门'],
      commitment: '由本人如实填写婚育情况并签字承诺。',
    },
  },
  {
    code: 'employment',
    name: '居民就业状况',
    aliases: [
      '居民就业状况证明',
      '就业证明',
      '就业状况证明',
      '失业证明',
      '无业证明',
      '待业证明',
      '在职证明',
      '无工作证明',
      '务工证明',
    ],
    guidance: {
      answer:
        '在职情况由工作单位开具在职证明；失业登记、就业创业证，到乡镇（街道）或县级公共就业服务机构办理；社保缴费记录可以在人社部门的网站、App 查询打印。',
      offices: ['人社部门（公共就业服务机构）', '工作单位'],
      commitment: null,
    },
  },
  {
    code: 'personal_archive',
    name: '居民个人档案',
    aliases: ['居民个人档案证明', '个人档案证明', '档案证明', '人事档案证明', '档案情况证明'],
    guidance: {
      answer:
        '个人档案在哪里保管，就找哪里：在工作单位的找单位人事部门，在人才交流中心或公共就业服务机构的找这些机构，学籍档案找学校或教育部门。',
      offices: ['档案保管单位'],
      commitment: null,
    },
  },
  {
    code: 'property',
    name: '居民财产（收入、房屋、车辆）',
    aliases: [
      '居民财产证明',
      '财产证明',
      '收入证明',
      '收入情况证明',
      '家庭收入证明',
      '工资证明',
      '房产证明',
      '房屋产权证明',
      '有房证明',
      '无房证明',
      '住房情况证明',
      '车辆证明',
      '无车证明',
      '存款证明',
    ],
    guidance: {
      answer:
        '收入证明找工作单位开，也可以在个人所得税 App 查询打印纳税记录；房产情况到不动产登记机构查询；车辆情况到车管所或交管 12123 查询；存款证明找开户银行。申请低保、救助的，由民政部门统一核对家庭经济状况，不需要村（居）委会开收入证明。',
      offices: ['工作单位', '税务部门', '不动产登记机构', '公安交通管理部门（车管所）', '银行'],
      commitment: '办事单位接受个人承诺的，可以由本人书面承诺说明收入、财产情况。',
    },
  },
  {
    code: 'inheritance',
    name: '遗产继承权',
    aliases: ['遗产继承权证明', '继承权证明', '继承证明', '继承人证明', '遗产证明', '遗产继承证明'],
    guidance: {
      answer:
        '继承遗产可以到公证机构办理继承公证；继承人之间有争议的，可以申请人民调解或向人民法院起诉。继承房产的，按不动产登记机构的要求提交材料办理。',
      offices: ['公证机构', '人民法院', '不动产登记机构'],
      commitment: null,
    },
  },
  {
    code: 'business_premises',
    name: '市场主体住所',
    aliases: [
      '市场主体住所证明',
      '经营场所证明',
      '营业场所证明',
      '生产经营场所证明',
      '公司住所证明',
      '企业住所证明',
      '注册地址证明',
      '办公场所证明',
    ],
    guidance: {
      answer:
        '办理营业执照时，经营场所由申请人自己提交房屋租赁合同、产权材料等使用证明；很多地方还可以填写住所（经营场所）申报承诺书。具体请问当地市场监管部门。',
      offices: ['市场监督管理部门'],
      commitment: '按当地市场监管部门的规定，可以填写住所（经营场所）申报承诺书。',
    },
  },
  {
    code: 'lost_document',
    name: '证件遗失',
    aliases: ['证件遗失证明', '遗失证明', '丢失证明', '证件丢失证明', '身份证遗失证明', '挂失证明'],
    guidance: {
      answer: '证件丢了，请直接到原来发证的部门申请补办；需要登遗失声明的，按发证机关的要求办理。',
      offices: ['原发证机关'],
      commitment: null,
    },
  },
]

export const NEGATIVE_LIST_CODES: readonly string[] = NEGATIVE_LIST.map((i) => i.code)

/** 亲属关系 → 亲属关系证明; 居民身份信息（户籍） → 居民身份信息（户籍）证明 */
export const negativeItemTitle = (item: Pick<NegativeListItem, 'name'>): string => `${item.name}证明`

/** The whole answer a resident reads when they ask for a negative-list item. */
export function negativeListAnswer(item: NegativeListItem): string {
  const parts = [
    `村（居）委会不开具“${negativeItemTitle(item)}”：按${NEGATIVE_LIST_SOURCE}，这项证明不应由村（居）委会出具。`,
    item.guidance.answer,
  ]
  if (item.guidance.commitment) parts.push(item.guidance.commitment)
  return parts.join('')
}
