import { memo, useMemo, useRef, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import type { GroupModel } from '../model/buildHistory'
import { copyOnClick } from './rows/copyOnClick'
import { rowBuilder } from './rows/rowBuilder'
import { useClientLayoutEffect } from './useClientLayoutEffect'
import { useProgressiveCount } from './useProgressiveCount'

export interface ReferralListProps {
  t: Translator
  groups: readonly GroupModel[]
}

/**
 * Rows rendered with the data: more than the widget's default box shows (about 6 rows in the 36em
 * box on a wide layout, 3–4 on a phone's), so the first paint looks complete there; a taller box
 * (a merchant's `--bh-rh-max-block-size`) gets the rest a task later. Fewer is faster: the frame
 * that first shows the rows lays out and shapes every one of them along with the whole widget's
 * first style, and on issue 18's phone profile that frame was the longest task between the main
 * chunk and the first rows (BENCHMARKS.md figure 15): 10 rows instead of 25 take a 20-row
 * history's first style and layout from 20.5 to 15.8 ms of CPU on this machine (Chromium traces,
 * median of 7), four times that on the phone. 25 instead of 50 had already painted a 10,000-row
 * history's first rows about 20 % sooner (figure 7).
 */
export const FIRST_ROWS = 10
/** Sends laid out in full however they arrive: referral-history.css starts `content-visibility:
 * auto` at the 26th send (`nth-of-type(n + 26)`), after every send of the first render. */
export const FULL_LAYOUT_SENDS = 25
/** Rows added by the first later step; later steps are sized to STEP_BUDGET_MS of rendering on the
 * shopper's device (`useProgressiveCount`), so no step is a long task. The grid rows and per-send
 * `content-visibility` (referral-history.css) make a step's layout cost its own rows only (with
 * table layout, each step re-laid out the whole table). Also the size of a memoised block. */
export const ROWS_PER_STEP = 80
/** The script time a later step aims at. A step's task and frame also lay out its new rows, which the
 * step's own clock does not see, and building a row as plain DOM costs about half what rendering a
 * row component did while its layout costs the same: at 20 ms, steps doubled in rows and so did
 * the layout after each, and a Copy pressed meanwhile waited up to 170 ms for its paint on the phone
 * profile (BENCHMARKS.md figure 14). */
export const STEP_BUDGET_MS = 10

/**
 * Every referral row, as a table: the data is a grid (friend × status × date × reward) and table
 * navigation lets a screen-reader user move down one column and hear its header, which a list
 * cannot offer. Each send is a `<tbody>`; a send used by several friends gets a row-group header
 * ("Shared link · used by 3 friends") that screen readers announce with each of its rows.
 *
 * The explicit ARIA roles repeat the elements' own roles on purpose: the narrow layout changes
 * the cells' CSS `display`, and WebKit then drops the implied table semantics.
 *
 * Long histories arrive in steps (see `useProgressiveCount`): the first screenful with the data,
 * the rest appended a step per task, counted over the rows of all sends in display order. Every
 * row ends up in this one table (no windowing), so table navigation and find-in-page cover the
 * whole history once it is complete; until then the table is `aria-busy`.
 * The table scrolls inside the widget's body (`.bh-rh-body` in ReferralHistory), the one named,
 * focusable scroll region around every state.
 */
export function ReferralList({ t, groups }: ReferralListProps): ReactNode {
  let total = 0
  for (const group of groups) total += group.size
  const shown = useProgressiveCount(groups, total, { first: FIRST_ROWS, step: ROWS_PER_STEP, stepBudgetMs: STEP_BUDGET_MS })

  // Sends in blocks of about a first step's rows: a step re-renders the list, and then compares
  // one memoised block per 80 rows shown so far instead of one memoised send per send (thousands).
  const blocks = useMemo(() => blocksOfSends(groups, ROWS_PER_STEP), [groups])
  const onClick = useMemo(() => copyOnClick(t), [t])
  const bodies = spreadRows(blocks, shown, (block, rowsShown, index) => (
    <SendBlock key={index} t={t} groups={block.groups} shown={rowsShown} />
  ))

  return (
    // The rows' Copy buttons, for every row: the rows are plain DOM (SendRows). A button's click
    // also covers Enter and Space, so the table needs no key handler of its own.
    <table className="bh-rh-table" role="table" part="table" aria-busy={shown < total ? true : undefined} onClick={onClick}>
      <caption className="bh-rh-visually-hidden">{t('history.caption')}</caption>
      <thead className="bh-rh-table-head" role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('history.column.friend')}
          </th>
          <th scope="col" role="columnheader">
            {t('history.column.status')}
          </th>
          <th scope="col" role="columnheader">
            {t('history.column.date')}
          </th>
          <th scope="col" role="columnheader">
            {t('history.column.reward')}
          </th>
        </tr>
      </thead>
      {bodies}
    </table>
  )
}

interface Block {
  groups: readonly GroupModel[]
  /** Rows in all of the block's sends. */
  size: number
}

/** Consecutive sends, cut after the send that brings a block to `rows` rows or more. */
function blocksOfSends(groups: readonly GroupModel[], rows: number): Block[] {
  const blocks: Block[] = []
  let current: GroupModel[] = []
  let size = 0
  for (const group of groups) {
    current.push(group)
    size += group.size
    if (size >= rows) {
      blocks.push({ groups: current, size })
      current = []
      size = 0
    }
  }
  if (current.length > 0) blocks.push({ groups: current, size })
  return blocks
}

interface SendBlockProps {
  t: Translator
  groups: readonly GroupModel[]
  /** How many of the block's rows are rendered so far. */
  shown: number
}

/** A block of sends. Memoised: a complete block's props never change, so later steps skip it. */
const SendBlock = memo(function SendBlock({ t, groups, shown }: SendBlockProps): ReactNode {
  return spreadRows(groups, shown, (group, rowsShown) => <SendRows key={group.referral_bhid} t={t} group={group} shown={rowsShown} />)
})

/** Renders the first `shown` rows across `items` in order: each item with its share, none after. */
function spreadRows<Item extends { size: number }>(
  items: readonly Item[],
  shown: number,
  render: (item: Item, rowsShown: number, index: number) => ReactNode,
): ReactNode[] {
  const rendered: ReactNode[] = []
  let remaining = shown
  for (const [index, item] of items.entries()) {
    if (remaining <= 0) break
    const rowsShown = Math.min(item.size, remaining)
    remaining -= rowsShown
    rendered.push(render(item, rowsShown, index))
  }
  return rendered
}

interface SendRowsProps {
  t: Translator
  group: GroupModel
  /** How many of the send's rows are shown so far (all of them once the list is complete). */
  shown: number
}

/**
 * One send's `<tbody>`: its heading row and its first `shown` rows, as plain DOM (`rowBuilder`:
 * a settled row keeps no virtual tree). A later step appends only its new rows; a new send object
 * (fresh data) or language rebuilds them. Memoised: each step re-renders the list, and sends
 * already complete should cost nothing then. The renderer owns the `<tbody>` and never its
 * contents: it is given no children.
 */
const SendRows = memo(function SendRows({ t, group, shown }: SendRowsProps): ReactNode {
  const body = useRef<HTMLTableSectionElement>(null)
  const built = useRef<{ group: GroupModel; t: Translator } | null>(null)
  useClientLayoutEffect(() => {
    const tbody = body.current
    if (!tbody) return
    const build = rowBuilder(tbody.ownerDocument, t)
    if (built.current?.group !== group || built.current.t !== t) {
      tbody.replaceChildren()
      if (group.heading !== null) tbody.append(build.heading(group.heading))
      built.current = { group, t }
    }
    const offset = group.heading !== null ? 1 : 0
    // Exactly the first `shown` rows after whatever was built before (a replayed effect adds none).
    while (tbody.children.length - offset > shown) tbody.lastElementChild!.remove()
    const rows = tbody.ownerDocument.createDocumentFragment()
    for (let index = tbody.children.length - offset; index < shown; index++) rows.append(build.row(group.row(index)))
    tbody.append(rows)
  }, [group, shown, t])
  return <tbody ref={body} role="rowgroup" className="bh-rh-group" data-grouped={group.heading !== null} />
})
