export default definePageConfig({ navigationBarTitleText: '我家积分' })
