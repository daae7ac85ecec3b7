import type { ErrorInfo } from './info'

/** 村规民约 and 自治章程 (Art 27): drafting, adoption by the villagers' meeting, filing with the township. */
export const VILLAGE_RULES_ERRORS = {
  VILLAGE_RULES_NOT_FOUND: { status: 404, message: '没有找到这一版村规民约（自治章程）' },
  VILLAGE_RULES_NOT_DRAFT: {
    status: 409,
    message: '这一版已经交付表决或已经通过，不能再修改。要修改请起草新的一版（修订稿）',
  },
  VILLAGE_RULES_IN_ADOPTION: {
    status: 409,
    message: '这一版正在征求意见和表决中，不能修改。如需改动，请终止这次议事后起草新的一版',
  },
  VILLAGE_RULES_NOT_IN_ADOPTION: { status: 409, message: '这一版没有在表决中' },
  VILLAGE_RULES_VILLAGERS_MEETING_ONLY: {
    status: 409,
    message:
      '村规民约和自治章程要由村民会议制定和修改（村民委员会组织法第二十七条），不能由村民代表会议或其他会议表决',
  },
  VILLAGE_RULES_NOT_ADOPTED: {
    status: 409,
    message: '这一版还没有经村民会议表决通过，通过后才能公布和报乡镇备案',
  },
  VILLAGE_RULES_ALREADY_FILED: { status: 409, message: '这一版已经报乡镇（街道）备案了，不用重复报送' },
  VILLAGE_RULES_NOT_FILED: { status: 409, message: '这一版还没有报乡镇（街道）备案' },
  VILLAGE_RULES_SUPERSEDED: {
    status: 409,
    message: '这一版已经被新通过的版本取代，请对现行的版本操作',
  },
  VILLAGE_RULES_VILLAGES_ONLY: {
    status: 409,
    message: '村规民约和自治章程是村的（村民委员会组织法第二十七条）；社区的居民公约暂不在这里办理',
  },
  VILLAGE_RULES_NO_TOWNSHIP: {
    status: 409,
    message: '本村还没有设置所属的乡镇（街道），请先请管理员设置后再报备案',
  },
  VILLAGE_RULES_UNCHANGED: { status: 422, message: '修订稿和现行版本一字未改，请写明要修改的内容' },
} as const satisfies Record<string, ErrorInfo>
