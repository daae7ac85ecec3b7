export default definePageConfig({ navigationBarTitleText: '各户确认情况', enablePullDownRefresh: true })
