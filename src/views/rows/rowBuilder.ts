import type { Translator } from '../../i18n/translator'
import type { CouponModel, RowModel } from '../../model/buildHistory'
import { safeLink } from '../../model/safeLink'
import { rememberInviteLink } from './copyOnClick'

type Child = Node | string | null | false
type Attributes = Record<string, string | null | false>

/**
 * Builds the referral rows (`<tr>`) of a send as plain DOM from their formatted model, once each.
 *
 * Why not a component: every shown row stays in the DOM (no windowing), and a renderer keeps its
 * virtual tree for every row it has rendered: about 30 virtual nodes with their props and child
 * arrays, 4.4 KB of JS heap a row (BENCHMARKS.md figure 11). A shown row never changes, so it
 * needs none of that: `SendRows` appends these and rebuilds them when its send or the language
 * changes. The rows' one interaction, Copy, is handled for the whole table (`copyOnClick`).
 *
 * Every string from the API is set as text, never parsed as HTML, and becomes a link only through
 * `safeLink`. The friend's address and a coupon's title and code get `dir="auto"`: they may be
 * written in a script of either direction.
 */
export interface RowBuilder {
  row(row: RowModel): HTMLElement
  /** "Shared link · used by 3 friends": a send's row-group header, announced with each of its rows. */
  heading(text: string): HTMLElement
}

export function rowBuilder(document: Document, t: Translator): RowBuilder {
  const h = (tag: string, attributes: Attributes | null, ...children: Child[]): HTMLElement => {
    const node = document.createElement(tag)
    for (const name in attributes) {
      const value = attributes[name]
      if (typeof value == 'string') node.setAttribute(name, value)
    }
    for (const child of children) if (child) node.append(child)
    return node
  }
  const secondary = (text: string) => h('span', { class: 'bh-rh-secondary' }, text)
  const cell = (name: string, part: string | null, ...children: Child[]) =>
    h('td', { role: 'cell', class: `bh-rh-cell bh-rh-${name}`, part }, ...children)
  const copyButton = (label: string, accessibleName: string) =>
    h('button', { type: 'button', class: 'bh-rh-button bh-rh-button-small bh-rh-copy', part: 'button', 'aria-label': accessibleName }, label)
  // A polite live region, there (and empty) before any result so screen readers hear the change.
  const copyFeedback = () => h('span', { class: 'bh-rh-copy-feedback', role: 'status' })

  // A coupon code as selectable text with a Copy button; when the clipboard refuses, the code is
  // selected instead so the shopper can copy it with the keyboard (`copyOnClick`).
  const coupon = ({ code, title, url, used }: CouponModel) => {
    const href = safeLink(url)
    return h(
      'span',
      { class: 'bh-rh-coupon', 'data-used': String(used), part: 'coupon' },
      // API text in the shop's language, which may differ in direction from the widget's.
      title ? h('span', { class: 'bh-rh-secondary bh-rh-coupon-title', dir: 'auto' }, title) : null,
      h(
        'span',
        { class: 'bh-rh-coupon-body' },
        h('code', { class: 'bh-rh-coupon-code', dir: 'auto', part: 'coupon-code' }, code),
        used && h('span', { class: 'bh-rh-badge' }, t('coupon.used')),
        copyButton(t('coupon.copy'), t('coupon.copyLabel', { code })),
        href !== null && h('a', { class: 'bh-rh-link', href, part: 'link' }, t('coupon.open')),
      ),
      copyFeedback(),
    )
  }

  // "Copy link" on an invitation that is still open, so the shopper can send it again. The link
  // itself appears only if the clipboard refuses (`copyOnClick`): a long URL would crowd the row.
  const invite = (link: string, friend: string) => {
    const button = copyButton(t('invite.copy'), t('invite.copyLabel', { friend }))
    rememberInviteLink(button, link)
    return h('span', { class: 'bh-rh-invite', part: 'invite' }, button, copyFeedback())
  }

  const heading = (text: string) =>
    h('tr', { role: 'row', class: 'bh-rh-group-header', part: 'group-header' }, h('th', { scope: 'rowgroup', role: 'rowheader', colspan: '4' }, text))

  const row = (row: RowModel) => {
    const { friend, date, inviteLink } = row
    const { points, pointsValue, money, coupons } = row.reward
    const noReward = points === null && money === null && coupons.length === 0
    const dash = noReward && inviteLink === null
    let time: HTMLElement | null = null
    if (date !== null) {
      time = h('time', null, date.text)
      time.setAttribute('datetime', date.iso)
    }
    return h(
      'tr',
      // data-reward lets the narrow layout give the status the whole line when only a dash shows.
      { role: 'row', class: 'bh-rh-row', 'data-status': row.status, 'data-tone': row.tone, 'data-reward': dash && 'none', part: 'row' },
      h(
        'th',
        { scope: 'row', role: 'rowheader', class: 'bh-rh-cell bh-rh-friend' },
        h('span', { class: 'bh-rh-friend-name', dir: friend.isDestination && 'auto' }, friend.text),
        friend.isDestination && ' ',
        friend.isDestination && secondary(friend.channelLabel),
      ),
      cell(
        'status',
        'status',
        // Colour is a hint only; the words carry the meaning.
        h('span', { class: 'bh-rh-status-label' }, h('span', { class: 'bh-rh-status-dot', 'aria-hidden': 'true' }), row.statusLabel),
        ' ',
        secondary(row.statusNext),
      ),
      cell('date', null, secondary(date !== null ? date.label : t('date.unknown')), time && ' ', time),
      cell(
        'reward',
        null,
        // A dash reads as nothing to a screen reader; say which kind of nothing it is. An open
        // invitation shows its "Copy link" where the dash would be: the way to earn one.
        dash && h('span', { 'aria-hidden': 'true' }, '—'),
        noReward &&
          h('span', { class: 'bh-rh-visually-hidden' }, t(row.tone === 'pending' || row.tone === 'neutral' ? 'reward.noneYet' : 'reward.none')),
        points !== null && h('span', { class: 'bh-rh-reward-line' }, points, pointsValue !== null && secondary(` ${pointsValue}`), ' '),
        money !== null && h('span', { class: 'bh-rh-reward-line' }, money),
        ...coupons.map(coupon),
        inviteLink !== null && invite(inviteLink, friend.text),
      ),
    )
  }

  return { row, heading }
}
