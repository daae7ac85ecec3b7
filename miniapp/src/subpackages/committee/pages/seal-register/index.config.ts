export default definePageConfig({ navigationBarTitleText: '用印登记' })
