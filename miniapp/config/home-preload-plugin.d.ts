import type { Compiler } from 'webpack'

export declare class HomePreloadPlugin {
  apply(compiler: Compiler): void
}
export declare const MARK: RegExp
