import { act, render, waitFor } from '@testing-library/react'
import { StrictMode, useLayoutEffect, type ReactNode } from 'react'
import { hashKey, QueryClient, useQuery } from '../../src/query/reactQueryLite'

/** A component that shows the query's state as text, for the assertions. */
function Probe({ client, queryFn, retry, id = 'a' }: { client: QueryClient; queryFn: () => Promise<string>; retry?: (count: number, error: unknown) => boolean; id?: string }): ReactNode {
  const query = useQuery({ queryKey: ['probe', { id }], queryFn, retry: retry ?? (() => false), retryDelay: () => 1 }, client)
  return <p data-testid={`probe-${id}`}>{`${query.status}:${query.data ?? ''}:${query.error instanceof Error ? query.error.message : ''}`}</p>
}

describe('reactQueryLite (the embed build’s react-query subset)', () => {
  it('hashes keys like react-query: object keys sorted, arrays in order', () => {
    expect(hashKey(['k', { b: 1, a: [2, { d: 1, c: 2 }] }])).toBe('["k",{"a":[2,{"c":2,"d":1}],"b":1}]')
  })

  it('shares one request between widgets and StrictMode double mounts, and serves a remount from the cache', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } })
    const queryFn = vi.fn(async () => 'rows')
    const view = render(
      <StrictMode>
        <Probe client={client} queryFn={queryFn} />
        <Probe client={client} queryFn={queryFn} />
      </StrictMode>,
    )
    await waitFor(() => expect(view.getAllByText('success:rows:')).toHaveLength(2))
    view.unmount()
    const again = render(<Probe client={client} queryFn={queryFn} />)
    expect(again.getByText('success:rows:')).toBeInTheDocument()
    expect(queryFn).toHaveBeenCalledTimes(1)
  })

  it('counts a widget as watching from the moment its request starts (layout effects), so a same-customer widget that just left cannot abort it', async () => {
    const client = new QueryClient()
    const seen: { fetching: boolean; observers: number }[] = []
    /** A sibling after the probe: its layout effect runs after the probe's, before any passive effect. */
    function Watcher(): null {
      useLayoutEffect(() => {
        const query = client.getQueryCache().find({ queryKey: ['probe', { id: 'a' }], exact: true })
        seen.push({ fetching: query?.state.fetchStatus === 'fetching', observers: query?.getObserversCount() ?? 0 })
      }, [])
      return null
    }
    const view = render(
      <>
        <Probe client={client} queryFn={async () => 'rows'} />
        <Watcher />
      </>,
    )
    expect(seen).toEqual([{ fetching: true, observers: 1 }])
    await waitFor(() => expect(view.getByText('success:rows:')).toBeInTheDocument())
  })

  it('retries with 0-based failure counts while the state stays pending, then reports the error', async () => {
    const client = new QueryClient()
    const counts: number[] = []
    const queryFn = vi.fn(async () => {
      throw new Error('down')
    })
    const view = render(<Probe client={client} queryFn={queryFn} retry={(count) => (counts.push(count), count < 2)} />)
    expect(view.getByText('pending::')).toBeInTheDocument()
    await waitFor(() => expect(view.getByText('error::down')).toBeInTheDocument())
    expect(counts).toEqual([0, 1, 2])
    expect(queryFn).toHaveBeenCalledTimes(3)
  })

  it('keeps the last data when a refetch fails, and goes back to the state before a cancelled fetch', async () => {
    const client = new QueryClient()
    let answer: () => Promise<string> = async () => 'first'
    const view = render(<Probe client={client} queryFn={() => answer()} />)
    await waitFor(() => expect(view.getByText('success:first:')).toBeInTheDocument())

    answer = async () => {
      throw new Error('later')
    }
    await act(() => client.getQueryCache().find({ queryKey: ['probe', { id: 'a' }] })?.fetch().catch(() => {}))
    expect(view.getByText('error:first:later')).toBeInTheDocument()

    answer = () => new Promise<string>(() => {})
    act(() => void client.getQueryCache().find({ queryKey: ['probe', { id: 'a' }] })?.fetch())
    expect(client.getQueryCache().find({ queryKey: ['probe', { id: 'a' }] })?.state.fetchStatus).toBe('fetching')
    await act(() => client.cancelQueries({ queryKey: ['probe', { id: 'a' }] }))
    expect(client.getQueryCache().find({ queryKey: ['probe', { id: 'a' }] })?.state.fetchStatus).toBe('idle')
    expect(view.getByText('error:first:later')).toBeInTheDocument()
  })

  it('holds the first fetch while the browser is offline (fetchStatus paused) and runs it once back online', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const client = new QueryClient()
    const queryFn = vi.fn(async () => 'rows')
    const view = render(<Probe client={client} queryFn={queryFn} />)
    await waitFor(() => expect(client.getQueryCache().find({ queryKey: ['probe', { id: 'a' }] })?.state.fetchStatus).toBe('paused'))
    expect(queryFn).not.toHaveBeenCalled()
    online.mockReturnValue(true)
    act(() => void window.dispatchEvent(new Event('online')))
    await waitFor(() => expect(view.getByText('success:rows:')).toBeInTheDocument())
    expect(queryFn).toHaveBeenCalledTimes(1)
    online.mockRestore()
  })
})
