// Styles only one platform needs. Taro picks `platformStyles.h5.ts` for H5; other platforms get this
// empty module.
export {}
