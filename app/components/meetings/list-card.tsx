import type { ReactNode } from "react";
import { Card } from "~/components/ui";

/**
 * A titled panel of a meeting's or an agreement's page listing linked records one a line, or
 * `empty` when there are none; `children` adds what follows the list (an «add» link).
 */
export function ListCard<T extends { id: string }>({
  title,
  items,
  empty,
  item,
  children,
  ...data
}: {
  title: string;
  items: readonly T[];
  empty: string;
  item: (row: T) => ReactNode;
  children?: ReactNode;
} & { [attr: `data-${string}`]: string | undefined }) {
  return (
    <Card title={title} className="meeting-detail">
      {items.length ? (
        <ul {...data}>
          {items.map((row) => (
            <li key={row.id}>{item(row)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
      {children}
    </Card>
  );
}
