/**
 * The package version, injected at build time by Vite's `define` (vite.config.ts reads it from
 * package.json for the lib build, the embed build and the dev/test server). Code that runs
 * without Vite's define (a bare `tsc` check, a tool that imports the source) sees the fallback.
 */
declare const __VERSION__: string

export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'
