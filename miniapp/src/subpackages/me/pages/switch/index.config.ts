export default definePageConfig({ navigationBarTitleText: '切换村（社区）' })
