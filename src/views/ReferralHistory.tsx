import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import { API_VERSION_ERROR_CODES, CLIENT_ERROR_CODES, isBubblehouseApiError } from '../api/BubblehouseApiError'
import { ownOptions } from '../api/ownOptions'
import { en } from '../i18n/en'
import { mergeMessages } from '../i18n/mergeMessages'
import { useCatalogue } from '../i18n/useCatalogue'
import { createTranslator, type Translator } from '../i18n/translator'
import type { CustomerReferrals } from '../api/types'
import type { MessageOverrides } from '../i18n/messages'
import type { SendRequest } from '../api/fetchCustomerReferrals'
import type { GetToken } from '../query/customerReferralsQueryOptions'
import { DEFAULT_RETRY_POLICY, rateLimitCooldown, type RetryPolicy } from '../query/retryPolicy'
import { getResetGeneration, subscribeToReset } from '../query/resetReferralHistory'
import { useCustomerReferrals } from '../query/useCustomerReferrals'
import { getViewState, type ViewState, type ViewStateType } from './getViewState'
import { HistoryView } from './HistoryView'
import { WidgetErrorBoundary } from './WidgetErrorBoundary'
import { reportOnce } from './reportOnce'
import { resolveConfig, type ResolvedConfig } from './resolveConfig'
import { ConfigErrorState } from './states/ConfigErrorState'
import { EmptyState } from './states/EmptyState'
import { ErrorState } from './states/ErrorState'
import { InvalidTokenState } from './states/InvalidTokenState'
import { LoadingState } from './states/LoadingState'
import { RateLimitedState } from './states/RateLimitedState'
import { StyleIsolationBoundary, type StyleIsolation } from './ShadowHost'
import { resolveTheme, type ReferralHistoryTheme } from './theme'
import { useReservedBlockSize } from './size/useReservedBlockSize'
import { useFocusKeptInWidget } from './useFocusKeptInWidget'

export interface ReferralHistoryProps {
  /** Required. The Bubblehouse shop slug, e.g. `"my-shop"`. */
  shop: string
  /** The customer token (HS256 JWT) minted by the merchant's server. Give this or `getToken`. */
  token?: string
  /**
   * Returns a customer token. Called when there is no `token`, and once more after the API
   * answers `invalid_token` (the widget then retries once with the fresh token).
   */
  getToken?: GetToken
  /** ISO 4217 code for money (the API sends amounts without a currency). Default: none, amounts
   * are shown as plain numbers. */
  currency?: string
  /** BCP 47 locale for words, dates and numbers. Default: the browser's language. */
  locale?: string
  /**
   * Default `https://app.bubblehouse.com/api`. The customer token is sent there, so it must be
   * `https:` (plain `http:` only on the page's own origin or on localhost). Set from markup (the
   * script-tag embed's `api-base-url`), only the Bubblehouse API or the page's own origin.
   */
  apiBaseUrl?: string
  /** Global API version. Default `v2023061`. */
  apiVersion?: string
  /** Where the empty state's "Refer a friend" call to action points. Default: no call to action. */
  referUrl?: string
  /** The shop's sign-in page, linked from the state shown when the customer token is refused even
   * after a fresh one ("Sign in"). An http(s) URL or a path; anything else is ignored. Default: no
   * link, the state asks in words only. */
  signInUrl?: string
  /**
   * Ask the API for unmasked friend addresses. Only an admin-level token gets them; never set this
   * on a customer-facing page unless you mean to. Default `false`: full addresses are masked on
   * screen even if a server sends them.
   */
  deanonymize?: boolean
  /** Override any visible string, e.g. `{ title: 'Your rewards' }`. Merged over the catalogue of
   * `locale` (English when there is none). Keys are those of the English catalogue. */
  messages?: MessageOverrides
  /**
   * Colour scheme: `'light'`, `'dark'`, or `'auto'` to follow the shopper's
   * `prefers-color-scheme`. Default `'light'`. Colours set with `--bh-rh-color-*` custom
   * properties win over either palette (see THEMING.md).
   */
  theme?: ReferralHistoryTheme
  /** Heading level of the widget title. Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6
  /** Called when the visible state changes (`loading`, `ready`, `empty`, `invalid-token`, …). */
  onStateChange?: (state: ViewStateType) => void
  /** Use this QueryClient instead of the widget's own page-wide one. */
  queryClient?: QueryClient
  /** Time zone for dates. Default: the shopper's. */
  timeZone?: string
  /** Delay before the loading skeleton shows, in ms. Default 250. */
  loadingDelayMs?: number
  /** Tune retries and backoff (tests, or a shop with a raised rate limit). */
  retryPolicy?: Partial<RetryPolicy>
  /** Lets widgets that share a token source share one request before a token is known (the
   * script-tag embed passes its `token-url`). */
  tokenSourceKey?: string
  /**
   * Where these props come from. `'attributes'`: the page's markup (the script-tag embed sets it),
   * which an injection can write without running script, so `apiBaseUrl` may then only name the
   * Bubblehouse API or the page's own origin. Default `'script'`: your code decides.
   */
  configSource?: 'attributes' | 'script'
  className?: string
  /**
   * Sends the API request: a function of `fetch`'s shape for a URL string. Default: the page's
   * `fetch`. For a proxy or instrumentation of your own; the script-tag embed passes one that
   * answers with the request its loader started early.
   */
  fetch?: SendRequest
  /**
   * How the page's CSS is kept out. Default `'shadow'`: the widget renders inside an open shadow
   * root with its own styles, so global rules like `* { color: red }` or `table { display: none }`
   * cannot reach it. `'none'`: it renders in the light DOM and you import
   * `bubblehouse-referral-history/styles.css` (or you already render it inside your own shadow
   * root, as the script-tag embed does).
   */
  isolation?: StyleIsolation
}

/**
 * The customer-facing referral history: picks a view state from the query and renders the file
 * for that state. The only component that talks to react-query.
 */
export function ReferralHistory(givenProps: ReferralHistoryProps): ReactNode {
  // Own properties only: another script's prototype pollution must not pick the API or turn
  // masking off (`Object.prototype.deanonymize = true`).
  const props = ownOptions(givenProps)
  // `resetReferralHistory()` (a sign-out) starts every widget over: nothing of the view it showed
  // (rows, a copied coupon, an open error) survives into the next customer's.
  const generation = useSyncExternalStore(subscribeToReset, getResetGeneration, getResetGeneration)
  // Passed whole, not spread: a spread would copy them into an ordinary object, whose prototype
  // (possibly polluted) answers for every option the integrator left out.
  return <WidgetRoot key={generation} props={props} />
}

function WidgetRoot({ props }: { props: ReferralHistoryProps }): ReactNode {
  const config = resolveConfig(props)
  const instanceId = useId()
  // Catalogues other than English load on demand; until the one for this locale arrives the
  // widget stays in its loading state rather than flashing English words.
  const catalogue = useCatalogue(config.locale)
  const t = useMemo(
    // Overrides are merged (and checked, with a warning per bad key) once the catalogue is in.
    () => createTranslator(catalogue ? mergeMessages(props.messages, catalogue) : en, config.locale),
    [config.locale, props.messages, catalogue],
  )
  const themeWarnings: string[] = []
  const theme = resolveTheme(props.theme, themeWarnings)
  for (const problem of themeWarnings) reportOnce('warn', problem)

  for (const problem of config.warnings) reportOnce('error', problem)
  if (config.problem) reportOnce('error', config.problem)

  const query = useCustomerReferrals(
    {
      shop: config.shop,
      token: props.token,
      getToken: props.getToken,
      tokenSourceKey: props.tokenSourceKey,
      apiBaseUrl: props.apiBaseUrl,
      apiVersion: props.apiVersion,
      deanonymize: props.deanonymize,
      fetch: props.fetch,
      retryPolicy: props.retryPolicy,
      enabled: config.problem === null,
    },
    props.queryClient,
  )

  const policy = { ...DEFAULT_RETRY_POLICY, ...props.retryPolicy }
  const queryState = getViewState(query, {
    configProblem: config.problem,
    rateLimitCooldownMs: (error, failedAt) => rateLimitCooldown(policy, error, failedAt),
  })

  const state: ViewState = catalogue === null ? { type: 'loading' } : queryState

  useReportQueryError(query.error, query.errorUpdatedAt)
  // Never `refetch()` as is: by default it cancels a fetch in flight and starts another, so a
  // double click, or every widget of the customer retrying at once, would overlap requests. A
  // retry while one is running joins it.
  const retry = () => void query.refetch({ cancelRefetch: false })
  useReportInvalidRows(query.data)
  useAutomaticRetry(queryState, retry)

  const [rootElement, setRootElement] = useState<HTMLDivElement | null>(null)
  useReservedBlockSize(
    rootElement,
    config.shop,
    state.type === 'loading' ? 'loading' : state.type === 'ready' || state.type === 'empty' ? 'history' : 'notice',
  )

  useFocusKeptInWidget(rootElement, state.type)

  const onStateChange = props.onStateChange
  useEffect(() => {
    onStateChange?.(state.type)
  }, [state.type, onStateChange])

  const Heading = `h${props.headingLevel ?? 2}` as const
  return (
    <StyleIsolationBoundary isolation={props.isolation}>
      <div
        ref={setRootElement}
        className={props.className ? `bh-rh ${props.className}` : 'bh-rh'}
        data-state={state.type}
        data-theme={theme}
        lang={config.locale}
        dir={config.direction}
        part="root"
      >
        {catalogue !== null ? (
          <Heading className="bh-rh-title" id={`${instanceId}-title`} part="title">
            {t('title')}
          </Heading>
        ) : null}
        <LiveAnnouncement t={t} state={state} />
        {/* The widget takes its content's height up to a cap (useReservedBlockSize); a long
            history scrolls here. A named, focusable region, so keyboard users can scroll it too. */}
        <div
          className="bh-rh-body"
          role="region"
          aria-labelledby={catalogue !== null ? `${instanceId}-title` : undefined}
          tabIndex={0}
          part="body"
        >
          <WidgetErrorBoundary t={t} resetKey={query.dataUpdatedAt}>
            <StateView state={state} t={t} config={config} props={props} retry={retry} />
          </WidgetErrorBoundary>
        </div>
      </div>
    </StyleIsolationBoundary>
  )
}

function StateView(input: {
  state: ViewState
  t: Translator
  config: ResolvedConfig
  props: ReferralHistoryProps
  retry: () => void
}): ReactNode {
  const { state, t, config, props, retry } = input
  const history = (data: Parameters<typeof HistoryView>[0]['data']) => (
    <HistoryView
      data={data}
      t={t}
      locale={config.locale}
      currency={config.currency}
      deanonymize={props.deanonymize === true}
      timeZone={props.timeZone}
    />
  )
  switch (state.type) {
    case 'config-error':
      return <ConfigErrorState t={t} problem={state.problem} />
    case 'loading':
      return <LoadingState t={t} delayMs={props.loadingDelayMs} />
    case 'empty':
      return <EmptyState t={t} referUrl={props.referUrl} />
    case 'ready':
      return history(state.data)
    case 'invalid-token':
      return <InvalidTokenState t={t} signInUrl={props.signInUrl} />
    case 'rate-limited':
      return (
        <RateLimitedState t={t} retryAt={state.retryAt} onRetry={retry}>
          {state.data ? history(state.data) : null}
        </RateLimitedState>
      )
    case 'error':
      return (
        <>
          <ErrorState t={t} onRetry={retry} code={state.code} retrying={state.retrying} />
          {state.data ? history(state.data) : null}
        </>
      )
    default:
      return state satisfies never
  }
}

/** A polite live region: screen readers hear when the history has loaded or failed, without
 * moving focus. Loading itself is not announced (the skeleton carries aria-busy). */
function LiveAnnouncement({ t, state }: { t: Translator; state: ViewState }): ReactNode {
  let text = ''
  if (state.type === 'ready') text = t('announceLoaded', { count: state.data.referrals.length })
  else if (state.type === 'empty') text = t('announceEmpty')
  else if (state.type !== 'loading' && state.type !== 'config-error') text = t('announceProblem')
  return (
    <p className="bh-rh-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  )
}

/** The integrator learns why the widget failed from the console: the schema path of a malformed
 * answer, or the fix for an API-version error. Never the token or an address (messages are built
 * from codes and schema paths, and the API's free text is redacted in the fetch wrapper). */
function useReportQueryError(error: unknown, errorUpdatedAt: number): void {
  useEffect(() => {
    if (!isBubblehouseApiError(error)) {
      if (error) reportOnce('error', `[referral-history] Unexpected error while loading referrals: ${String(error)}`)
      return
    }
    if (API_VERSION_ERROR_CODES.includes(error.code)) {
      reportOnce(
        'error',
        `[referral-history] The API refused apiVersion (${error.code}). Set apiVersion (attribute api-version) to a version enabled for your shop, e.g. "v2023061".`,
      )
    } else if (error.code === CLIENT_ERROR_CODES.malformedResponse) {
      reportOnce('warn', `[referral-history] ${error.message}`)
    }
  }, [error, errorUpdatedAt])
}

/** Console lines for left-out rows: one per row, up to this many, then one for the rest. */
const MAX_ROW_WARNINGS = 20

/** Each row the parser left out, once, by its index and field, never its value (it may be a
 * friend's address). The shopper sees only the count (HistoryView). */
function useReportInvalidRows(data: CustomerReferrals | undefined): void {
  useEffect(() => {
    const rows = data?.invalidRows ?? []
    for (const row of rows.slice(0, MAX_ROW_WARNINGS)) {
      reportOnce(
        'warn',
        `[referral-history] Left out referral ${row.index} of the CustomerReferrals2 answer: its field "${row.field}" does not match the format (expected ${row.expected}). The other rows are shown; report the server's answer to Bubblehouse.`,
      )
    }
    if (rows.length > MAX_ROW_WARNINGS) {
      reportOnce('warn', `[referral-history] …and ${rows.length - MAX_ROW_WARNINGS} more referrals left out of the answer (${rows.length} in all).`)
    }
  }, [data])
}

/** After the RateLimited state shows, try again by itself when the countdown ends, but not while
 * the page is hidden: a background tab waits until the shopper comes back. */
function useAutomaticRetry(state: ViewState, retry: () => void): void {
  const retryRef = useRef(retry)
  retryRef.current = retry
  const retryAt = state.type === 'rate-limited' ? state.retryAt : null
  useEffect(() => {
    if (retryAt === null) return
    let due = false
    const tryNow = () => {
      if (document.visibilityState === 'hidden') return
      document.removeEventListener('visibilitychange', tryNow)
      retryRef.current()
    }
    const timer = setTimeout(() => {
      due = true
      document.addEventListener('visibilitychange', tryNow)
      tryNow()
    }, Math.max(0, retryAt - Date.now()))
    return () => {
      clearTimeout(timer)
      if (due) document.removeEventListener('visibilitychange', tryNow)
    }
  }, [retryAt])
}
