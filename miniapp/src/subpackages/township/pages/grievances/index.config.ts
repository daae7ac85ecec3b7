export default definePageConfig({
  navigationBarTitleText: '村民说事督办',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
