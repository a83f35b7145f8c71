/** CustomerIdentity1: at least one field; every field given must match the customer. */
export interface CustomerIdentity {
  bhid?: string
  shopid?: string
  email?: string
}

/** The CustomerReferrals2 inputs. */
export interface CustomerReferralsParams {
  /** `undefined` when the caller sent no `customer`. */
  customer: CustomerIdentity | undefined
  deanonymize: boolean
}

const IDENTITY_FIELDS = ['bhid', 'shopid', 'email'] as const

/**
 * Reads the call's parameters like the API's RPC layer: a JSON object body (recommended), an
 * `application/x-www-form-urlencoded` body, or the query string (GET). An empty body means no
 * parameters. Returns `null` when the parameters cannot be read (the caller answers 400).
 *
 * In form and query encoding `customer` may be a JSON object string or bracketed/dotted keys
 * (`customer[shopid]=…`, `customer.shopid=…`): the docs do not say which the API uses.
 * The `auth` parameter of the docs' truncated "Alternative: auth" section is ignored: the widget
 * must send its token only in the Authorization header, and the mock makes that the only way in.
 */
export async function readRequestParams(request: Request): Promise<CustomerReferralsParams | null> {
  const query = new URL(request.url).searchParams
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
  const contentType = (request.headers.get('Content-Type') ?? '').toLowerCase()

  if (text.trim() === '') return fromSearchParams(query)
  if (contentType.startsWith('application/x-www-form-urlencoded')) return fromSearchParams(new URLSearchParams(text))

  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  // Own fields only, as a JSON decoder on the real server reads them: a test page with a polluted
  // Object.prototype must not make the mock see a field the request never sent.
  const { customer, deanonymize } = Object.assign(Object.create(null), body) as { customer?: unknown; deanonymize?: unknown }
  const identity = customer == null ? undefined : toIdentity(customer)
  if (identity === null) return null
  if (deanonymize != null && typeof deanonymize !== 'boolean') return null
  return { customer: identity, deanonymize: deanonymize === true }
}

function fromSearchParams(params: URLSearchParams): CustomerReferralsParams | null {
  let customer: CustomerIdentity | null | undefined
  const json = params.get('customer')
  if (json !== null && json !== '') {
    try {
      customer = toIdentity(JSON.parse(json))
    } catch {
      return null
    }
  } else {
    const fields: Record<string, string> = {}
    for (const field of IDENTITY_FIELDS) {
      const value = params.get(`customer[${field}]`) ?? params.get(`customer.${field}`)
      if (value !== null) fields[field] = value
    }
    customer = Object.keys(fields).length > 0 ? fields : undefined
  }
  if (customer === null) return null
  const deanonymize = params.get('deanonymize')
  return { customer, deanonymize: deanonymize === 'true' || deanonymize === '1' }
}

/** An identity object, or `null` when `value` is not one (wrong type, non-string field). */
function toIdentity(value: unknown): CustomerIdentity | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const identity: CustomerIdentity = {}
  for (const field of IDENTITY_FIELDS) {
    const fieldValue = (value as Record<string, unknown>)[field]
    if (fieldValue == null || fieldValue === '') continue
    if (typeof fieldValue !== 'string') return null
    identity[field] = fieldValue
  }
  return identity
}
