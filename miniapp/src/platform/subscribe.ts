import Taro from '@tarojs/taro'
import { subscriptionsRoutes, type SubscribeAction } from '@xiangli/shared'
import { call } from '@/api/request'

/**
 * WeChat subscribe messages: a one-time message of a template may be sent to a person only after
 * they accepted it in `wx.requestSubscribeMessage`, and WeChat shows that request only inside a
 * tap. So each submitting tap (说事, 申请证明, 实名认证, 异议, 联名) asks first, with the templates the
 * server says that action can lead to, then tells the server what was accepted. The browser (H5)
 * has no such thing: nothing is asked there.
 */

let templates: Partial<Record<SubscribeAction, string[]>> | null = null
let loading: Promise<void> | null = null

const supported = (): boolean =>
  process.env.TARO_ENV === 'weapp' && typeof Taro.requestSubscribeMessage === 'function'

/**
 * Fetches the template ids per action once, ahead of the tap (the request must not wait for the
 * network, or WeChat no longer counts it as the tap's). Never throws; tried again on failure.
 */
export function prepareSubscribe(): Promise<void> {
  if (!supported() || templates) return Promise.resolve()
  loading ??= call(subscriptionsRoutes.templates, {}, { toast: false }).then(
    (r) => {
      templates = r.actions
    },
    () => {
      loading = null
    },
  )
  return loading
}

/**
 * Asks the person to accept the messages `action` can bring. Call it first in the tap handler,
 * before any other await; it resolves once they answered (at once where there is nothing to ask)
 * and never throws: a refusal or an old WeChat must not stop the submission.
 */
export async function askToSubscribe(action: SubscribeAction): Promise<void> {
  if (!supported()) return
  const ids = templates?.[action] ?? []
  if (ids.length === 0) {
    void prepareSubscribe()
    return
  }
  let answer: Record<string, unknown>
  try {
    // entityIds is Alipay's; WeChat reads tmplIds
    answer = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as Record<string, unknown>
  } catch {
    // refused to be asked (the switch in settings is off), too old a WeChat, or not from a tap
    return
  }
  const results = Object.fromEntries(
    ids.filter((id) => typeof answer[id] === 'string').map((id) => [id, answer[id] as string]),
  )
  if (Object.keys(results).length === 0) return
  // the submission does not wait for this; a lost report only means fewer WeChat messages
  void call(subscriptionsRoutes.report, { body: { results } }, { toast: false }).catch(() => undefined)
}

/** For tests: forget the template ids fetched. */
export function resetSubscribe(): void {
  templates = null
  loading = null
}
