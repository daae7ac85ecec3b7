export default definePageConfig({ navigationBarTitleText: '我的网格', enablePullDownRefresh: true })
