export default definePageConfig({
  navigationBarTitleText: '乡镇看板',
  enablePullDownRefresh: true,
})
