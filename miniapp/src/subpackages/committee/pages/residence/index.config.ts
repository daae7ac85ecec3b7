export default definePageConfig({ navigationBarTitleText: '居住情况' })
