export default definePageConfig({
  navigationBarTitleText: '村里议事',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
