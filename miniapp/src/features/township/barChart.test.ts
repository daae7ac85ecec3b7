import { barPercents } from './barChart'

const bar = (value: number) => ({ label: 'x', value, text: String(value) })

describe('the bar chart', () => {
  it('draws each bar against the longest', () => {
    expect(barPercents([bar(2), bar(4), bar(1)])).toEqual([50, 100, 25])
  })

  it('draws on a fixed scale when given one (a rating out of 5)', () => {
    expect(barPercents([bar(4.5), bar(2.5)], 5)).toEqual([90, 50])
  })

  it('keeps a small value visible and draws nothing for zero', () => {
    expect(barPercents([bar(1), bar(1000), bar(0)])).toEqual([2, 100, 0])
    expect(barPercents([bar(0), bar(0)])).toEqual([0, 0])
  })
})
