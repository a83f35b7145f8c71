import type { ReactNode } from 'react'
import type { SummaryModel } from '../model/buildHistory'

export interface SummaryProps {
  summary: SummaryModel
}

/** The headline figures as a description list: each label is read with its value. */
export function Summary({ summary }: SummaryProps): ReactNode {
  return (
    <dl className="bh-rh-summary" data-count={summary.figures.length} part="summary">
      {summary.figures.map((figure) => (
        <div key={figure.id} className="bh-rh-figure" data-figure={figure.id} part="figure">
          <dt className="bh-rh-figure-label">{figure.label}</dt>
          <dd className="bh-rh-figure-value">{figure.value}</dd>
          {figure.detail !== null ? <dd className="bh-rh-figure-detail">{figure.detail}</dd> : null}
        </div>
      ))}
    </dl>
  )
}
