export default definePageConfig({ navigationBarTitleText: '交我办理', enablePullDownRefresh: true })
