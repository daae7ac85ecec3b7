import { LoginPage } from '@/features/me/LoginPage'

export default LoginPage
