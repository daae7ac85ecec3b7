export default definePageConfig({
  navigationBarTitleText: '证明审批',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
