export default definePageConfig({ navigationBarTitleText: '开证明' })
