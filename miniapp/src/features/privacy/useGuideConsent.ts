import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { privacyRoutes } from '@xiangli/shared'
import { call } from '@/api/request'
import { ROUTES } from '@/routes'
import { logoutNow } from '@/store/session'

/** asked once per launch: a new version of the guide reaches those who stay logged in */
let checked = false
/** pages asking now, told when the consent is given anywhere (the login page's, say) */
const asking = new Set<(on: boolean) => void>()

/** The guide was accepted (on whichever page): every page asking stops asking. */
let agreements = 0
export function guideAgreed(): void {
  checked = true
  agreements += 1
  asking.forEach((l) => l(false))
}

/**
 * For someone already logged in when the guide gets a new version: asks again, once per launch of
 * the app. (A fresh login asks on the login page.) A failed check asks nothing: the next launch will.
 */
export function useGuideConsent(loggedIn: boolean) {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    asking.add(setShown)
    return () => void asking.delete(setShown)
  }, [])
  useEffect(() => {
    if (!loggedIn || checked) return
    checked = true
    const before = agreements
    void call(privacyRoutes.status, {}, { toast: false }).then(
      // an answer read before the consent given meanwhile (on the login page) is stale
      (s) => setShown(s.guide.needed && before === agreements && asking.has(setShown)),
      () => undefined,
    )
  }, [loggedIn])
  return {
    asking: shown,
    agreed: () => setShown(false),
    declined: async () => {
      setShown(false)
      await logoutNow()
      await Taro.reLaunch({ url: ROUTES.login })
    },
  }
}
