export default definePageConfig({ navigationBarTitleText: '各村民主评议', enablePullDownRefresh: true })
