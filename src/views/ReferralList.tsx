import type { ReactNode } from 'react'
import type { Translator } from '../i18n/translator'
import type { GroupModel } from '../model/buildHistory'
import { ReferralRow } from './ReferralRow'

export interface ReferralListProps {
  t: Translator
  groups: readonly GroupModel[]
}

/**
 * Every referral row, as a table: the data is a grid (friend × status × date × reward) and table
 * navigation lets a screen-reader user move down one column and hear its header, which a list
 * cannot offer. Each send is a `<tbody>`; a send used by several friends gets a row-group header
 * ("Shared link · used by 3 friends") that screen readers announce with each of its rows.
 *
 * The explicit ARIA roles repeat the elements' own roles on purpose: the narrow layout changes
 * the cells' CSS `display`, and WebKit then drops the implied table semantics.
 */
export function ReferralList({ t, groups }: ReferralListProps): ReactNode {
  return (
    <table className="bh-rh-table" role="table" part="table">
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
      {groups.map((group) => (
        <tbody
          key={group.referral_bhid}
          role="rowgroup"
          className="bh-rh-group"
          data-grouped={group.heading !== null}
        >
          {group.heading !== null ? (
            <tr role="row" className="bh-rh-group-header" part="group-header">
              <th scope="rowgroup" role="rowheader" colSpan={4}>
                {group.heading}
              </th>
            </tr>
          ) : null}
          {group.rows.map((row) => (
            <ReferralRow key={row.key} t={t} row={row} />
          ))}
        </tbody>
      ))}
    </table>
  )
}
