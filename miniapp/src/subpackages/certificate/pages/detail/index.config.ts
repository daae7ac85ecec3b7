export default definePageConfig({ navigationBarTitleText: '证明详情', enablePullDownRefresh: true })
