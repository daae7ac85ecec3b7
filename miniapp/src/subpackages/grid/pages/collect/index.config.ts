export default definePageConfig({ navigationBarTitleText: '民情收集', enablePullDownRefresh: true })
