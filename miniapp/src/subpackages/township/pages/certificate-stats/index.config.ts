export default definePageConfig({
  navigationBarTitleText: '证明统计',
  enablePullDownRefresh: true,
})
