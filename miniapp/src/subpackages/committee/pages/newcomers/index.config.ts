export default definePageConfig({ navigationBarTitleText: '常住居民登记' })
