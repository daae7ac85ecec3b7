import { resolve } from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { HomePreloadPlugin } from './home-preload-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Where the API lives. TARO_APP_API_BASE (from the shell or a .env file) wins; otherwise H5 talks to
 * its own origin (the server serves the H5 build at `/` and the API under `/api`) and the mini
 * program talks to a server on this machine, which is what the WeChat devtools can reach.
 */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API_BASE
  if (fromEnv !== undefined) return fromEnv
  return process.env.TARO_ENV === 'h5' ? '' : 'http://localhost:3000'
}

const sharedSrc = resolve(__dirname, '../../shared/src')

/** shared's source as the miniapp needs it: no route schemas, unused schemas droppable (see the loader). */
function clientShared(chain: { module: any }): void {
  chain.module
    .rule('client-shared')
    .test(/\.ts$/)
    .include.add(sharedSrc)
    .end()
    .enforce('pre')
    .use('client-shared')
    .loader(resolve(__dirname, 'client-shared-loader.js'))
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xiangli',
    date: '2026-11-25',
    // NutUI is drawn at 375; our own styles at 750.
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? input.file : undefined
      if (typeof file === 'string' && file.replace(/\\+/g, '/').indexOf('@nutui') > -1) return 375
      return 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // weapp output is the folder WeChat DevTools opens; H5 is served by the server
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase()),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Page styles do not depend on each other's order; without this, shared chunks warn on every build.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      // @xiangli/shared from its TypeScript source as ES modules, as on H5: what no page uses is left
      // out, and what only one subpackage uses moves into it instead of the main package
      compile: { include: [sharedSrc] },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.resolve.alias.set('@xiangli/shared$', resolve(__dirname, '../../shared/src/index.ts'))
        clientShared(chain)
      },
    },
    h5: {
      // @xiangli/shared from its TypeScript source, compiled with the app as ES modules, so each page
      // keeps only the rules it uses (its CommonJS build is one block every page would load whole)
      compile: { include: [sharedSrc] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.resolve.alias.set('@xiangli/shared$', resolve(__dirname, '../../shared/src/index.ts'))
        clientShared(chain)
        // index.html asks for the home's chunks beside app.js (see the plugin)
        chain.plugin('home-preload').use(HomePreloadPlugin)
        // The tab bar's PNGs as files: inlined they put ~13 KB of base64 into app.js, which every first
        // open waits for before anything shows; as files they come in beside it.
        const inline = 10 * 1024
        chain.module
          .rule('image')
          .parser({
            dataUrlCondition: (source: Buffer, { filename }: { filename: string }) =>
              !/[\\/]assets[\\/]tabbar[\\/]/.test(filename) && source.length <= inline,
          })
          // hashed, so the server lets the phone keep them (immutable) instead of asking each open
          .set('generator', { filename: 'static/images/[name].[contenthash:8][ext]' })
        // Taro splits only the initial chunks; pages load lazily, so each page chunk would carry its
        // own copy of React helpers, NutUI and zod. Split the lazy ones too, but into a few pieces of
        // some size: on a weak signal every extra request waits its turn on one of six connections,
        // a round trip each (the home came in 38 files of ~2 KB).
        const split = chain.optimization.get('splitChunks')
        if (split) chain.optimization.splitChunks({ ...split, chunks: 'all', minSize: 20_000 })
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
