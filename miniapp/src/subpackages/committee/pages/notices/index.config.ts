export default definePageConfig({ navigationBarTitleText: '村务公开管理', enablePullDownRefresh: true })
