#!/usr/bin/env node
// `npm test`: every test runner of the project, one after the other, then one closing line with
// the totals of all of them: "N passed, N failed". Exits non-zero if any runner failed or a
// runner ran no test at all.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const OUT = 'test-results/totals'
rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })

const runners = []
function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status ?? 1
}

const chromium = run('browser check', 'node', ['test/support/ensure-chromium.mjs'])
if (chromium !== 0) {
  console.log('\n0 passed, 1 failed')
  process.exit(1)
}

// Vitest: unit (jsdom), ssr (node), browser (Chromium) and story projects.
// Its output is also kept: a run whose tests all passed can still fail on an error outside any
// test (an unhandled rejection, a timer firing after its file ended), and CI shows only the tail.
const vitestLog = `${OUT}/vitest.log`
const vitestStatus = run('vitest', 'bash', [
  '-o',
  'pipefail',
  '-c',
  `npx vitest run --reporter=default --reporter=json --outputFile.json=${OUT}/vitest.json 2>&1 | tee ${vitestLog}`,
])
runners.push({ name: 'vitest', status: vitestStatus, ...readVitest(`${OUT}/vitest.json`) })

// Playwright: the script-tag embed end to end over real HTTP in Chromium.
if (existsSync('test/e2e/playwright.config.ts')) {
  const status = run('playwright', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: `${OUT}/playwright.json`,
  })
  runners.push({ name: 'playwright', status, ...readPlaywright(`${OUT}/playwright.json`) })
}

let passed = 0
let failed = 0
let exitCode = 0
for (const runner of runners) {
  console.log(`  ${runner.name}: ${runner.passed} passed, ${runner.failed} failed (exit ${runner.status})`)
  passed += runner.passed
  failed += runner.failed
  if (runner.status !== 0 || runner.passed === 0) exitCode = 1
  // A runner that crashed before reporting counts as one failure, so the total never hides it.
  if (runner.status !== 0 && runner.failed === 0) failed += 1
}
if (runners[0].status !== 0 && runners[0].failed === 0) printErrorsOutsideTests(vitestLog)
// CI shows only the tail of the output: name every failed test there, with its first message line.
printFailedTests(`${OUT}/vitest.json`, `${OUT}/playwright.json`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(exitCode)

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function readVitest(path) {
  const report = readJson(path)
  if (!report) return { passed: 0, failed: 0 }
  // numFailedTestSuites also counts the file and each describe block around a failed test, so one
  // failed test read as "3 failed". A file that failed with no failed test in it (it did not load,
  // or an error outside its tests) still counts as one failure.
  const filesFailedOutsideTests = (report.testResults ?? []).filter(failedOutsideTests).length
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + filesFailedOutsideTests }
}

function readPlaywright(path) {
  const report = readJson(path)
  if (!report?.stats) return { passed: 0, failed: 0 }
  return { passed: (report.stats.expected ?? 0) + (report.stats.flaky ?? 0), failed: report.stats.unexpected ?? 0 }
}

/** A vitest file that failed with no failed test in it: it did not load, or failed outside its tests. */
function failedOutsideTests(file) {
  return file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed')
}

/** Lists, at the end, each failed test of both runners: file, name and the first line of its error. */
function printFailedTests(vitestPath, playwrightPath) {
  const failures = []
  for (const file of readJson(vitestPath)?.testResults ?? []) {
    const path = file.name.replace(`${process.cwd()}/`, '')
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') failures.push(`${path} › ${test.fullName} — ${firstLine(test.failureMessages?.[0])}`)
    }
    if (failedOutsideTests(file)) failures.push(`${path} — ${firstLine(file.message)}`)
  }
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue
        const error = test.results?.at(-1)?.error?.message
        failures.push(`${spec.file} › ${[...titles, spec.title].join(' › ')} — ${firstLine(error)}`)
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title])
  }
  for (const suite of readJson(playwrightPath)?.suites ?? []) visit(suite, [])
  if (failures.length === 0) return
  console.log(`\nfailed tests (${failures.length}):`)
  for (const failure of failures) console.log(`  ✗ ${failure}`)
}

function firstLine(message) {
  return (
    String(message ?? 'no message')
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 300) ?? 'no message'
  )
}

/** Repeats, at the end, what vitest printed about errors outside any test. */
function printErrorsOutsideTests(path) {
  let text = ''
  try {
    text = readFileSync(path, 'utf8').replace(/\x1b\[[0-9;]*m/g, '')
  } catch {
    return
  }
  const start = text.search(/Unhandled (Errors|Rejection|Error)|Errors? outside|Type Errors/)
  if (start < 0) return
  console.log('\nvitest failed outside its tests:\n' + text.slice(start, start + 6000))
}
