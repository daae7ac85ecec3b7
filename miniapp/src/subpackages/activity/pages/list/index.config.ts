export default definePageConfig({ navigationBarTitleText: '村里活动', enablePullDownRefresh: true })
