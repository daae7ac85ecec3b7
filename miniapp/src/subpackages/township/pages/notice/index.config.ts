export default definePageConfig({ navigationBarTitleText: '公告督办', enablePullDownRefresh: true })
