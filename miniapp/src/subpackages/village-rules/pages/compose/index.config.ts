export default definePageConfig({
  navigationBarTitleText: '起草村规民约',
})
