import {
  DEFAULT_CATALOGUE,
  effectiveCatalogue,
  findCatalogueItem,
  negativeConflict,
  requestableItem,
  searchCatalogue,
  searchKey,
  type EffectiveCatalogue,
  type RegionOverride,
  type VillageOverride,
} from './catalogue'
import { NEGATIVE_LIST } from './negative-list'
import { DEFAULT_POSITIVE_LIST, type PositiveItem } from './positive-list'

const residence = DEFAULT_POSITIVE_LIST.find((i) => i.code === 'residence')!

/** A region's own item, built from the residence certificate with overrides. */
const regionItem = (overrides: Partial<PositiveItem> = {}): PositiveItem => ({
  ...residence,
  code: 'temporary_relief',
  name: '临时救助家庭情况说明',
  aliases: ['临时救助说明'],
  appliesTo: ['village', 'community'],
  ...overrides,
})

function catalogueOf(...args: Parameters<typeof effectiveCatalogue>): EffectiveCatalogue {
  const r = effectiveCatalogue(...args)
  if (!r.ok) throw new Error(`expected a catalogue, got ${r.code}`)
  return r.catalogue
}
const codes = (c: EffectiveCatalogue): string[] => c.positive.map((i) => i.code)
const limitOf = (c: EffectiveCatalogue, code: string): number =>
  c.positive.find((i) => i.code === code)!.timeLimitDays

describe('searchKey', () => {
  it('folds full-width forms, drops punctuation, spaces and the word 证明', () => {
    expect(searchKey(' 居（租）住 证明 ')).toBe('居租住')
    expect(searchKey('ＡＢＣ证明')).toBe('abc')
  })
})

describe('searchCatalogue', () => {
  const aliasCases = NEGATIVE_LIST.flatMap((item) =>
    [item.name, ...item.aliases].map((alias) => [alias, item.code] as const),
  )

  it.each(aliasCases)('finds the negative-list item for “%s” first, with its guidance', (alias, code) => {
    const hits = searchCatalogue(alias)
    const first = hits[0]!
    expect(first).toMatchObject({ kind: 'negative', item: { code } })
    if (first.kind === 'negative') {
      expect(first.answer.answer).toContain('不开具')
      expect(first.answer.offices.length).toBeGreaterThan(0)
    }
  })

  const positiveCases = DEFAULT_POSITIVE_LIST.flatMap((item) =>
    [item.name, ...item.aliases].map((alias) => [alias, item.code] as const),
  )

  it.each(positiveCases)('finds the positive item for “%s” first', (alias, code) => {
    expect(searchCatalogue(alias)[0]).toMatchObject({ kind: 'positive', item: { code } })
  })

  it('finds an item from a sentence that mentions it', () => {
    expect(searchCatalogue('我想开一个无犯罪记录证明')[0]).toMatchObject({
      kind: 'negative',
      item: { code: 'no_criminal_record' },
    })
    expect(searchCatalogue('孩子上学要居住证明')[0]).toMatchObject({
      kind: 'positive',
      item: { code: 'residence' },
    })
  })

  it('finds an item from part of its name', () => {
    expect(searchCatalogue('犯罪').map((h) => h.item.code)).toContain('no_criminal_record')
    expect(searchCatalogue('宅基地').map((h) => h.item.code)).toEqual(['homestead_origin'])
  })

  it('shows both what the village issues and what it does not when a word fits both', () => {
    const hits = searchCatalogue('房屋')
    expect(hits.map((h) => [h.kind, h.item.code])).toEqual(
      expect.arrayContaining([
        ['positive', 'homestead_origin'],
        ['negative', 'property'],
      ]),
    )
  })

  it('ranks the exact name above a partial match', () => {
    const hits = searchCatalogue('婚姻证明')
    expect(hits[0]!.item.code).toBe('marital_status')
  })

  it('answers nothing for an empty query or one that is only the word 证明', () => {
    expect(searchCatalogue('')).toEqual([])
    expect(searchCatalogue('  证明 ')).toEqual([])
  })

  it('answers nothing for a word no item uses', () => {
    expect(searchCatalogue('火星移民')).toEqual([])
  })

  it('searches a village catalogue without the items it removed', () => {
    const c = catalogueOf(null, { remove: ['residence'] })
    expect(searchCatalogue('居住证明', c).filter((h) => h.kind === 'positive')).toEqual([])
  })
})

describe('the positive and negative lists', () => {
  it.each(DEFAULT_POSITIVE_LIST.map((i) => [i.name, i] as const))(
    'keep %s clear of every negative item',
    (_, item) => {
      expect(negativeConflict(item)).toBeNull()
    },
  )

  it('share no code', () => {
    const negative = new Set(NEGATIVE_LIST.map((i) => i.code))
    for (const item of DEFAULT_POSITIVE_LIST) expect(negative.has(item.code)).toBe(false)
  })
})

describe('negativeConflict', () => {
  it.each([
    ['a negative code', { code: 'kinship', name: '家庭情况说明', aliases: [] }],
    ['a negative name', { name: '亲属关系证明', aliases: [] }],
    ['a negative alias', { name: '本村说明', aliases: ['单身证明'] }],
    ['a name that contains a negative name', { name: '直系亲属证明（贷款用）', aliases: [] }],
    ['a name that contains a negative alias', { name: '家庭收入证明（低保用）', aliases: [] }],
    ['a name in full-width dress', { name: '无犯罪记录 证明', aliases: [] }],
  ])('recognises %s', (_, candidate) => {
    expect(negativeConflict(candidate)).not.toBeNull()
  })

  it('lets an unrelated item through', () => {
    expect(
      negativeConflict({ code: 'temporary_relief', name: '临时救助家庭情况说明', aliases: [] }),
    ).toBeNull()
  })
})

describe('effectiveCatalogue', () => {
  it('without overrides is the default list and the national negative list', () => {
    const c = catalogueOf()
    expect(codes(c)).toEqual(DEFAULT_POSITIVE_LIST.map((i) => i.code))
    expect(c.negative).toBe(NEGATIVE_LIST)
    expect(c.notes).toEqual([])
    expect(DEFAULT_CATALOGUE).toEqual(c)
  })

  it('keeps only the items for an urban community when asked', () => {
    const c = catalogueOf(null, null, 'community')
    expect(codes(c)).toEqual(['residence', 'student_hardship'])
  })

  it('adds a region’s own item', () => {
    expect(codes(catalogueOf({ region: '33', add: [regionItem()] }))).toContain('temporary_relief')
  })

  it('removes items a region does not issue', () => {
    expect(codes(catalogueOf({ region: '33', remove: ['student_hardship'] }))).not.toContain(
      'student_hardship',
    )
  })

  it('replaces a default item when a region removes and adds the same code', () => {
    const c = catalogueOf({
      region: '33',
      remove: ['residence'],
      add: [{ ...residence, name: '居住情况证明（浙江）' }],
    })
    expect(c.positive.filter((i) => i.code === 'residence').map((i) => i.name)).toEqual([
      '居住情况证明（浙江）',
    ])
  })

  it('changes a time limit for a region', () => {
    expect(limitOf(catalogueOf({ region: '33', timeLimitDays: { residence: 1 } }), 'residence')).toBe(1)
  })

  it('lets a village drop an item', () => {
    expect(codes(catalogueOf(null, { remove: ['land_transfer'] }))).not.toContain('land_transfer')
  })

  it('lets a village be quicker than its region', () => {
    const c = catalogueOf(
      { region: '33', timeLimitDays: { homestead_origin: 5 } },
      { timeLimitDays: { homestead_origin: 2 } },
    )
    expect(limitOf(c, 'homestead_origin')).toBe(2)
  })

  it('keeps the region’s limit when a village asks for longer, and notes it', () => {
    const c = catalogueOf(
      { region: '33', timeLimitDays: { residence: 2 } },
      { timeLimitDays: { residence: 10 } },
    )
    expect(limitOf(c, 'residence')).toBe(2)
    expect(c.notes).toEqual([{ source: 'village', itemCode: 'residence', problem: 'time_limit_capped' }])
  })

  it('notes, and otherwise ignores, an override that names an item no longer on the list', () => {
    const c = catalogueOf(
      { region: '33', remove: ['residence', 'gone'], timeLimitDays: { old: 3 } },
      { remove: ['residence'], timeLimitDays: { residence: 1 } },
    )
    expect(codes(c)).not.toContain('residence')
    expect(c.notes).toEqual([
      { source: 'region', itemCode: 'gone', problem: 'unknown_item' },
      { source: 'region', itemCode: 'old', problem: 'unknown_item' },
      { source: 'village', itemCode: 'residence', problem: 'unknown_item' },
      { source: 'village', itemCode: 'residence', problem: 'unknown_item' },
    ])
  })

  describe('never puts a negative-list item on a positive list', () => {
    it.each(NEGATIVE_LIST.map((n) => [n.name, n] as const))(
      'refuses a region adding %s under its own name',
      (_, n) => {
        const r = effectiveCatalogue({
          region: '33',
          add: [regionItem({ code: 'sneaky', name: `${n.name}证明`, aliases: [] })],
        })
        expect(r).toEqual({
          ok: false,
          code: 'CERTIFICATE_NEGATIVE_LIST',
          itemCode: 'sneaky',
          negativeCode: n.code,
        })
      },
    )

    it('refuses a region adding an item with a negative code', () => {
      expect(effectiveCatalogue({ region: '33', add: [regionItem({ code: 'death' })] })).toMatchObject({
        ok: false,
        code: 'CERTIFICATE_NEGATIVE_LIST',
        negativeCode: 'death',
      })
    })

    it('refuses an innocent name hiding a negative alias', () => {
      expect(
        effectiveCatalogue({
          region: '33',
          add: [regionItem({ name: '家庭情况证明', aliases: ['收入证明'] })],
        }),
      ).toMatchObject({ ok: false, code: 'CERTIFICATE_NEGATIVE_LIST', negativeCode: 'property' })
    })

    it.each([
      ['a region setting its time limit', { region: '33', timeLimitDays: { kinship: 3 } }, null],
      ['a region removing it', { region: '33', remove: ['kinship'] }, null],
      ['a village setting its time limit', null, { timeLimitDays: { kinship: 3 } }],
      ['a village removing it', null, { remove: ['kinship'] }],
    ] as const)('refuses %s', (_, region, village) => {
      expect(effectiveCatalogue(region as RegionOverride | null, village as VillageOverride | null)).toEqual({
        ok: false,
        code: 'CERTIFICATE_NEGATIVE_LIST',
        itemCode: 'kinship',
        negativeCode: 'kinship',
      })
    })
  })

  it('refuses a region adding an item twice', () => {
    expect(effectiveCatalogue({ region: '33', add: [regionItem(), regionItem()] })).toMatchObject({
      ok: false,
      code: 'CERTIFICATE_CATALOGUE_INVALID',
      itemCode: 'temporary_relief',
    })
  })

  it('refuses a region adding a code the list already has', () => {
    expect(effectiveCatalogue({ region: '33', add: [{ ...residence }] })).toMatchObject({
      ok: false,
      code: 'CERTIFICATE_CATALOGUE_INVALID',
      itemCode: 'residence',
    })
  })

  it('refuses a village adding items of its own', () => {
    const r = effectiveCatalogue(null, { add: [regionItem()] } as never)
    expect(r).toMatchObject({ ok: false, code: 'CERTIFICATE_CATALOGUE_INVALID' })
  })

  it.each([
    ['a region without a name', { region: '' }],
    ['a time limit of 0 days', { region: '33', timeLimitDays: { residence: 0 } }],
    ['a time limit of 31 days', { region: '33', timeLimitDays: { residence: 31 } }],
    [
      'an item whose template uses a field it lacks',
      { region: '33', add: [regionItem({ template: '兹证明{{name}}的{{what}}。' })] },
    ],
    ['a malformed item code', { region: '33', remove: ['Residence!'] }],
  ])('refuses %s with the problems listed', (_, region) => {
    const r = effectiveCatalogue(region as RegionOverride)
    expect(r).toMatchObject({ ok: false, code: 'CERTIFICATE_CATALOGUE_INVALID' })
    if (!r.ok) expect(r.issues!.length).toBeGreaterThan(0)
  })
})

describe('requestableItem', () => {
  it('hands back a positive item', () => {
    expect(requestableItem(DEFAULT_CATALOGUE, 'residence')).toEqual({ ok: true, item: residence })
  })

  it('refuses a negative-list item at once, with the guidance to show', () => {
    const r = requestableItem(DEFAULT_CATALOGUE, 'no_criminal_record')
    expect(r).toMatchObject({
      ok: false,
      code: 'CERTIFICATE_NEGATIVE_LIST',
      answer: {
        code: 'no_criminal_record',
        title: '无犯罪记录证明',
        offices: ['公安机关（派出所）'],
        commitment: null,
      },
    })
  })

  it('refuses an item this village removed as not found', () => {
    expect(requestableItem(catalogueOf(null, { remove: ['residence'] }), 'residence')).toEqual({
      ok: false,
      code: 'CERTIFICATE_ITEM_NOT_FOUND',
    })
  })

  it('refuses a village item to an urban community', () => {
    expect(requestableItem(catalogueOf(null, null, 'community'), 'land_contract')).toMatchObject({
      code: 'CERTIFICATE_ITEM_NOT_FOUND',
    })
  })
})

describe('findCatalogueItem', () => {
  it('tells a positive item from a negative one and from nothing', () => {
    expect(findCatalogueItem(DEFAULT_CATALOGUE, 'residence')?.kind).toBe('positive')
    expect(findCatalogueItem(DEFAULT_CATALOGUE, 'death')?.kind).toBe('negative')
    expect(findCatalogueItem(DEFAULT_CATALOGUE, 'nothing')).toBeNull()
  })
})
