export default definePageConfig({ navigationBarTitleText: '登记纸质签名表' })
