import { useEffect } from 'react'
import type { SubscribeAction } from '@xiangli/shared'
import { askToSubscribe, prepareSubscribe } from '@/platform/subscribe'

/**
 * For a page whose tap submits something the person will hear back about: fetches the template ids
 * when the page opens, and returns the ask to call first in that tap (see platform/subscribe.ts).
 */
export function useSubscribe(action: SubscribeAction): () => Promise<void> {
  useEffect(() => {
    void prepareSubscribe()
  }, [])
  return () => askToSubscribe(action)
}
