export default definePageConfig({
  navigationBarTitleText: '我的证明',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
