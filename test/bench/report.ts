import { cpus, totalmem, release, platform } from 'node:os'

/** One line of the benchmark table. `value` is what the goal is checked against. */
export interface Figure {
  id: number
  name: string
  /** Number the goal compares, and how it reads (e.g. "1.07", "83.1 KB"). */
  value: number
  shown: string
  /** Human goal, e.g. "≤ 1.20". */
  goal: string
  pass: boolean
  /**
   * The hard budget, when the figure has one: false fails the run (CI's smoke too). Sizes are held
   * to .size-limit.json (what the code reaches, so a regression fails); lazy loading and the
   * request count to their goals. Missing a goal otherwise only prints FAIL.
   */
  withinBudget?: boolean
  budget?: string
  /** What the number is made of (baselines, medians, …). */
  detail: string
}

export interface BenchResults {
  mode: 'full' | 'smoke'
  date: string
  commit: string
  machine: string
  figures: Figure[]
}

export const KB = 1024
export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`
export const ms = (value: number) => `${Math.round(value)} ms`
export const ratio = (value: number) => value.toFixed(2)

export function machineInfo(browserVersion: string): string {
  const cpu = cpus()
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${platform()} ${release()}, Node ${process.version}, Chromium ${browserVersion} (headless)`
}

/** The table printed to the console. */
export function formatTable(results: BenchResults, before: BenchResults | null): string {
  const rows = results.figures.map((figure) => {
    const previous = before?.figures.find((item) => item.id === figure.id)
    return [String(figure.id), figure.name, previous?.shown ?? '—', figure.shown, figure.goal, figure.pass ? 'pass' : 'FAIL', figure.withinBudget === undefined ? '' : figure.withinBudget ? `ok (${figure.budget})` : `OVER (${figure.budget})`]
  })
  const header = ['#', 'figure', 'before', 'now', 'goal', 'result', 'hard budget']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n')
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|')

/** BENCHMARKS.md: figures, goals, pass/fail, before/after, machine, how to rerun. */
export function formatMarkdown(results: BenchResults, before: BenchResults | null, notes: string): string {
  const table = results.figures
    .map((figure) => {
      const previous = before?.figures.find((item) => item.id === figure.id)
      return `| ${figure.id} | ${escapeCell(figure.name)} | ${previous ? escapeCell(previous.shown) : '—'} | **${escapeCell(figure.shown)}** | ${escapeCell(figure.goal)} | ${figure.pass ? 'pass' : 'FAIL'} | ${figure.withinBudget === undefined ? '—' : `${figure.withinBudget ? 'within' : 'OVER'} ${escapeCell(figure.budget ?? '')}`} |`
    })
    .join('\n')
  const details = results.figures.map((figure) => `- **${figure.id}. ${figure.name}:** ${figure.detail}`).join('\n')
  return `# Benchmarks

Issue 5: the script-tag embed and the widget measured in real Chromium, each figure as a ratio against a baseline measured **in the same run** (so a slower or faster machine moves both sides).

Rerun: \`npm run bench\` (full, about 4–8 minutes on 2 cores, with the phone profile; rewrites this file). CI runs \`npm run bench:smoke\` (one iteration of each figure, prints the table, writes nothing here, and exits non-zero only when the harness breaks or a hard budget fails: the sizes in \`.size-limit.json\`, lazy loading, the request count).

- Run: ${results.date}, ${results.mode} mode, at commit ${results.commit}
- Machine: ${results.machine}
${before ? `- "Before" is the ${before.mode} run of ${before.date} at commit ${before.commit} (the code before the performance work), kept in \`test/bench/results-before.json\`.` : ''}

| # | Figure | Before | Now | Goal | Result | Hard budget (CI) |
|---|---|---|---|---|---|---|
${table}

## What each figure measures

${details}

${notes}
`
}
