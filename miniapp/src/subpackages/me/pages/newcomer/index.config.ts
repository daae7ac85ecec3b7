export default definePageConfig({
  navigationBarTitleText: '登记为常住居民',
})
