export default definePageConfig({ navigationBarTitleText: '积分排行' })
