export default definePageConfig({ navigationBarTitleText: '审批证明', enablePullDownRefresh: true })
