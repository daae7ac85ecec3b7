export default definePageConfig({ navigationBarTitleText: '问卷', enablePullDownRefresh: true })
