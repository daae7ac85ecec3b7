export default definePageConfig({
  navigationBarTitleText: '村规民约备案',
  enablePullDownRefresh: true,
})
