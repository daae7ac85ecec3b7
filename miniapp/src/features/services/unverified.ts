/** What a person not yet verified reads instead of the 办事 pages. */
export const SERVICE_UNVERIFIED = {
  title: '实名认证后才能在手机上办事',
  description:
    '村（居）委会确认您是本村（社区）的村（居）民后，就能在这里申请办理养老保险、医保、高龄津贴等事项。',
}
