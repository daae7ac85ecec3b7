export default definePageConfig({ navigationBarTitleText: '督办村民说事', enablePullDownRefresh: true })
