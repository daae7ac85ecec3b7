/**
 * 用户隐私保护指引: the one text the miniapp shows, the server serves as a plain page, and the
 * operator copies into the WeChat platform's form. A change people must see again raises the
 * version: each account records the version it accepted, and a newer one asks again.
 */
import { z } from 'zod'

export interface PrivacySection {
  title: string
  paragraphs: string[]
}

export interface PrivacyGuide {
  version: number
  /** the day this version took effect, YYYY-MM-DD */
  effectiveOn: string
  title: string
  sections: PrivacySection[]
}

export const PRIVACY_GUIDE: PrivacyGuide = {
  version: 1,
  effectiveOn: '2026-12-06',
  title: '乡里 用户隐私保护指引',
  sections: [
    {
      title: '一、我们收集哪些信息',
      paragraphs: [
        '微信身份：您用微信登录时，我们从微信得到一个代表您的编号（openid），用来认出是您本人。我们拿不到您的微信号、好友和聊天内容。',
        '手机号：实名认证、申请证明时由您填写，用来和村（社区）名册核对、方便村委会联系您。',
        '身份证号：只在实名认证时由您填写，用来和村（社区）名册核对您是本人。填写前会单独请您同意。',
        '照片和文件：您反映问题、提意见、申请证明时自己选择上传的照片和材料。照片上传后会去掉拍摄地点、时间和相机信息。',
        '位置：只有您在反映问题时自己选择“标注位置”，才会记录您选的那个地点；我们不会在后台获取您的位置。',
        '您在小程序里做的事：反映的问题、申请的证明、对公开事项的异议、对议事的意见、联名签字、登录记录。',
      ],
    },
    {
      title: '二、为什么要收集',
      paragraphs: [
        '为了确认您是本村（社区）居民，让您参加议事、表决和村务监督；为了办理您申请的证明；为了处理您反映的问题并把结果告诉您。我们不把您的信息用于广告，也不卖给任何人。',
      ],
    },
    {
      title: '三、谁能看到',
      paragraphs: [
        '您本人能看到自己的全部信息。',
        '本村（社区）两委成员能看到办事需要的信息（例如核对认证时看到姓名和身份证号后四位，联系时看到手机号）。其他村民只看到打了星号的手机号。',
        '乡镇（街道）工作人员只在问题升级到乡镇、或查看统计时看到必要的内容。',
        '按法律要求公开的内容（村务公开、表决结果、联名人数）会公开，但无记名投票时没有人能知道您投了什么。',
        '身份证号和手机号加密保存，管理数据库的人也无法直接读出。',
      ],
    },
    {
      title: '四、保存多久',
      paragraphs: [
        '账号信息保存到您申请删除为止；登录记录按运维设置定期清理。',
        '法律要求保存的记录会一直保存，删除账号也不会删掉：表决结果和无记名投票的统计、村务公开的每个版本、操作留痕（审计记录）、已开具的证明和用章登记。',
      ],
    },
    {
      title: '五、怎样查看、导出和删除',
      paragraphs: [
        '在“我的 → 我的数据”里可以看到我们保存的关于您的全部信息，并可以导出成一个文件。',
        '在同一页可以申请删除。删除后：您的账号名称、微信身份、手机号、身份证号、登录记录会被删除或改成“已注销用户”；您和名册的关联会解除。上面第四条所说法律要求保存的记录会保留，但不再显示您的名字。',
        '删除申请由系统管理员处理，处理后会记入操作留痕。',
      ],
    },
    {
      title: '六、联系我们',
      paragraphs: [
        '对个人信息有疑问、要更正或投诉，可以找本村（社区）村委会，或在“我的 → 我的数据”里留下删除申请。我们会在 15 个工作日内答复。',
      ],
    },
  ],
}

/** What the person agrees to right before typing an ID number (实名认证); its own version. */
export const ID_NUMBER_CONSENT = {
  version: 1,
  title: '同意提供身份证号',
  text: '实名认证需要您填写身份证号，用来和村（社区）名册核对您是本人。身份证号加密保存，只有您本人和本村两委核对时能看到，不会用于其他用途。您可以随时在“我的数据”里申请删除。',
} as const

export const PRIVACY_CONSENT_KINDS = ['guide', 'id_number'] as const
export type PrivacyConsentKind = (typeof PRIVACY_CONSENT_KINDS)[number]

/** The version a consent of this kind must carry today. */
export const currentConsentVersion = (kind: PrivacyConsentKind): number =>
  kind === 'guide' ? PRIVACY_GUIDE.version : ID_NUMBER_CONSENT.version

export const privacyConsentSchema = z.object({
  kind: z.enum(PRIVACY_CONSENT_KINDS),
  /** the version the person was shown; an older one is refused, so they read the new one */
  version: z.number().int().min(1),
})
export type ConsentRequest = z.infer<typeof privacyConsentSchema>

export interface ConsentState {
  current: number
  /** the newest version this account accepted, or null */
  accepted: number | null
  acceptedAt: string | null
  /** true when the person must be asked (never accepted, or an older version) */
  needed: boolean
}

export interface PrivacyStatus {
  guide: ConsentState
  idNumber: ConsentState
}

/** Whether a person who accepted `accepted` must be asked again today. */
export const consentNeeded = (kind: PrivacyConsentKind, accepted: number | null): boolean =>
  accepted === null || accepted < currentConsentVersion(kind)

// ---------- 我的数据 ----------

export type DataDeletionState = 'pending' | 'done'

export interface DataDeletionView {
  id: number
  accountId: number
  state: DataDeletionState
  requestedAt: string
  processedAt: string | null
  /** per part of the data: what was removed, what stays and why */
  outcome: ErasureOutcome[] | null
}

export interface ErasureOutcome {
  section: string
  /** rows removed or anonymised */
  erased: number
  /** rows kept as they are */
  kept: number
  /** why what stays stays, in plain words */
  note: string
}

/** What the system holds about one person, as they download it. */
export interface MyDataExport {
  exportedAt: string
  accountId: number
  /** section name → its rows, as the person sees them */
  sections: Record<string, unknown>
  /** what deletion would keep, and why */
  retained: string[]
}

export interface MyDataOverview {
  export: MyDataExport
  deletion: DataDeletionView | null
}

/** What a deletion keeps, said to the person before they ask. */
export const RETAINED_AFTER_DELETION = [
  '表决结果和无记名投票的统计（法律要求，且无法知道您投了什么）',
  '村务公开的每个版本、对公开事项的异议和答复（村务档案）',
  '操作留痕（审计记录，防止篡改）',
  '已开具的证明和用章登记（证明可能仍在使用，需要能核验）',
  '村（社区）名册中的您（由村委会依法维护，只解除与账号的关联）',
] as const

export const ERASED_NAME = '已注销用户'
