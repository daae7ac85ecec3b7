export default definePageConfig({
  navigationBarTitleText: '村里的说事墙',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
