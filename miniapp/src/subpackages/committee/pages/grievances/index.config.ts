export default definePageConfig({
  navigationBarTitleText: '说事处理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
