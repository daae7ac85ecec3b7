export default definePageConfig({ navigationBarTitleText: '便民服务统计', enablePullDownRefresh: true })
