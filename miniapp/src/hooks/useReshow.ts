import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Runs when the person comes back to the page (not on the first show, when the page loads anyway). */
export function useReshow(run: () => void): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) run()
    shown.current = true
  })
}
