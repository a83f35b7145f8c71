import { memo, useMemo, type ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import type { GroupModel } from '../model/buildHistory'
import { ReferralRow } from './ReferralRow'
import { useProgressiveCount } from './useProgressiveCount'

export interface ReferralListProps {
  t: Translator
  groups: readonly GroupModel[]
}

/**
 * Rows rendered with the data: more than the widget's box shows (about 6 in the default 36em box,
 * about 30 in a page-high box on a tall screen, whose rest follows a task later), so the first
 * paint looks complete. Fewer is faster: 25 instead of 50 painted a 10,000-row history's first
 * rows about 20 % sooner and took the first render and its frame out of the long tasks
 * (BENCHMARKS.md figure 7).
 */
export const FIRST_ROWS = 25
/** Rows added by the first later step; later steps are sized to about 20 ms of rendering on the
 * shopper's device (`useProgressiveCount`), so no step is a long task. The grid rows and per-send
 * `content-visibility` (referral-history.css) make a step's layout cost its own rows only (with
 * table layout, each step re-laid out the whole table). Also the size of a memoised block. */
export const ROWS_PER_STEP = 80

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
  const shown = useProgressiveCount(groups, total, { first: FIRST_ROWS, step: ROWS_PER_STEP })

  // Sends in blocks of about a first step's rows: a step re-renders the list, and then compares
  // one memoised block per 80 rows shown so far instead of one memoised send per send (thousands).
  const blocks = useMemo(() => blocksOfSends(groups, ROWS_PER_STEP), [groups])
  const bodies = spreadRows(blocks, shown, (block, rowsShown, index) => (
    <SendBlock key={index} t={t} groups={block.groups} shown={rowsShown} />
  ))

  return (
    <table className="bh-rh-table" role="table" part="table" aria-busy={shown < total ? true : undefined}>
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
  /** How many of the send's rows are rendered so far (all of them once the list is complete). */
  shown: number
}

/** One send's `<tbody>`. Memoised: each step re-renders the list, and sends already complete
 * should cost nothing then. */
const SendRows = memo(function SendRows({ t, group, shown }: SendRowsProps): ReactNode {
  const rows: ReactNode[] = []
  for (let index = 0; index < shown; index++) {
    const row = group.row(index)
    rows.push(<ReferralRow key={row.key} t={t} row={row} />)
  }
  return (
    <tbody role="rowgroup" className="bh-rh-group" data-grouped={group.heading !== null}>
      {group.heading !== null ? (
        <tr role="row" className="bh-rh-group-header" part="group-header">
          <th scope="rowgroup" role="rowheader" colSpan={4}>
            {group.heading}
          </th>
        </tr>
      ) : null}
      {rows}
    </tbody>
  )
})
