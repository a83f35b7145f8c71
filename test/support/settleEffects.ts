import { act } from '@testing-library/react'

/** Lets every pending effect run, inside `act`. The embed's renderer, Preact, runs effects after a
 * paint, so what a widget logs or reports from an effect may come a frame after its state shows. */
export const settleEffects = (): Promise<void> => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)))
