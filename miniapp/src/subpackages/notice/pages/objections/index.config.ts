export default definePageConfig({ navigationBarTitleText: '我提的异议', enablePullDownRefresh: true })
