export default definePageConfig({
  navigationBarTitleText: '村规民约（两委）',
  enablePullDownRefresh: true,
})
