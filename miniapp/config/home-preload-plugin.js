/**
 * A webpack plugin for the H5 build: writes the files of the home page's own chunks into index.html
 * (in place of the empty array marked `/*xl:home-chunks*\/`), so that the page's first script can ask for them
 * at once, beside app.js, when the home is what opens. Without it they are asked for only once
 * app.js has arrived and run: on a weak signal that is a round trip and a few seconds of an idle
 * link before the home can show.
 */
/** where the list goes: an empty array after this comment (prettier may put a space between) */
const MARK = /\/\*xl:home-chunks\*\/\s*\[\]/
/** the app's import of the home page (`./pages/home/index`), not a subpackage's page of that name */
const HOME = /^\.\/pages\/home\/index$/

class HomePreloadPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('HomePreloadPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // after html-webpack-plugin has written index.html (it does so at OPTIMIZE_INLINE)
        { name: 'HomePreloadPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const html = compilation.getAsset('index.html')
          if (!html) return
          const text = html.source.source().toString()
          if (!MARK.test(text)) return
          const files = new Set()
          for (const group of compilation.chunkGroups) {
            if (!group.origins.some((o) => HOME.test(o.request ?? ''))) continue
            for (const file of group.getFiles()) if (/\.(js|css)$/.test(file)) files.add(file)
          }
          if (files.size === 0) {
            compilation.errors.push(new Error('HomePreloadPlugin: found no chunk for pages/home/index'))
            return
          }
          const publicPath = compilation.outputOptions.publicPath
          const base = typeof publicPath === 'string' && publicPath !== 'auto' ? publicPath : '/'
          const list = JSON.stringify([...files].sort().map((f) => base + f))
          compilation.updateAsset('index.html', new sources.RawSource(text.replace(MARK, () => list)))
        },
      )
    })
  }
}

module.exports = { HomePreloadPlugin, MARK }
