export default definePageConfig({
  navigationBarTitleText: '联名提议',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
