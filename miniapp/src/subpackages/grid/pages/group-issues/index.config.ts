export default definePageConfig({ navigationBarTitleText: '小组里的事', enablePullDownRefresh: true })
