export default definePageConfig({ navigationBarTitleText: '办理村民说事', enablePullDownRefresh: true })
