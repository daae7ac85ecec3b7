export interface ErrorInfo {
  status: number
  message: string
}
