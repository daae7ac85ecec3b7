export default definePageConfig({ navigationBarTitleText: '积分规则和超市' })
