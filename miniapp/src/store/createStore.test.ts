import { createStore } from './createStore'

describe('createStore', () => {
  it('tells its followers about a change', () => {
    const store = createStore(1)
    const seen: number[] = []
    store.subscribe((v) => seen.push(v))
    store.set(2)
    store.set((v) => v + 1)
    expect(seen).toEqual([2, 3])
    expect(store.get()).toBe(3)
  })

  it('stays quiet when the value does not change', () => {
    const store = createStore('a')
    const listener = jest.fn()
    store.subscribe(listener)
    store.set('a')
    expect(listener).not.toHaveBeenCalled()
  })

  it('stops telling a follower who left', () => {
    const store = createStore(0)
    const listener = jest.fn()
    const leave = store.subscribe(listener)
    leave()
    store.set(1)
    expect(listener).not.toHaveBeenCalled()
  })
})
