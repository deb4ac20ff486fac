import type { ReactNode } from "react";

export type Figure = { label: ReactNode; value: ReactNode; testId?: string };

/** A row of labelled figures (the progress of a send, its report): tiles that wrap on a phone. */
export function Figures({ items }: { items: readonly Figure[] }) {
  return (
    <dl className="bl-figures">
      {items.map((item, i) => (
        <div key={i}>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
