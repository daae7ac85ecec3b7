export default definePageConfig({ navigationBarTitleText: '公开日历', enablePullDownRefresh: true })
