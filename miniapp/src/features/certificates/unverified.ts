/** What a person who is not (yet) a verified villager sees on a 开证明 page. */
export const CERTIFICATE_UNVERIFIED = {
  title: '实名认证后才能开证明',
  description: '村（居）委会确认您是本村（社区）的村（居）民后，就能在手机上申请开证明了。',
}
