export default definePageConfig({ navigationBarTitleText: '乡里', enablePullDownRefresh: true })
