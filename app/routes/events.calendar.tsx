import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { monthLabel } from "~/components/events/labels";
import { PageHeader } from "~/components/ui";
import { INTL_LOCALE } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { calendarMonth, defaultCalendarMonth, viewerZone } from "~/modules/events/index.server";
import { datesBetween, monthBounds, shiftMonth } from "~/lib/time";
import { monthParam } from "~/lib/params";

export const meta = pageTitle("events.calendar.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:event");
  const month = monthParam(request, new URL(request.url).searchParams.get("month")) ?? (await defaultCalendarMonth(await viewerZone(user)));
  const { days, count } = await calendarMonth(month);
  const slim = Object.fromEntries(
    Object.entries(days).map(([day, events]) => [day, events.map((e) => ({ id: e.id, name: e.name, status: e.status, city: e.city }))]),
  );
  return { month, days: slim, count };
}

/** Monday-first weeks covering the month. */
function weeks(month: string): string[][] {
  const { first, next } = monthBounds(month);
  const firstDate = new Date(`${first}T00:00:00Z`);
  const lead = (firstDate.getUTCDay() + 6) % 7;
  const start = new Date(firstDate.getTime() - lead * 86_400_000).toISOString().slice(0, 10);
  const lastDate = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000);
  const trail = (7 - ((lastDate.getUTCDay() + 6) % 7) - 1 + 7) % 7;
  const end = new Date(lastDate.getTime() + trail * 86_400_000).toISOString().slice(0, 10);
  const all = datesBetween(start, end, 42);
  const out: string[][] = [];
  for (let i = 0; i < all.length; i += 7) out.push(all.slice(i, i + 7));
  return out;
}

type DayEvent = { id: string; name: string; status: string; city: string | null };

/** One day of the grid: its number (its full name in the phones' agenda) and its events. */
function CalendarDay({ day, inMonth, events, fullName }: { day: string; inMonth: boolean; events: readonly DayEvent[]; fullName: string }) {
  return (
    <td className={inMonth ? undefined : "ev-out"} data-day={day}>
      <span className="ev-day">{Number(day.slice(8))}</span>
      <span className="ev-day-full" suppressHydrationWarning>
        {fullName}
      </span>
      {events.length ? (
        <ul>
          {events.map((e) => (
            <li key={e.id} className={e.status === "CANCELLED" ? "ev-cancelled" : undefined}>
              <Link to={`/events/${e.id}`}>{e.city ? `${e.name} · ${e.city}` : e.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </td>
  );
}

export default function CalendarPage() {
  const { month, days, count } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2017, 10, 6 + i))),
  );
  const label = monthLabel(month, locale);
  // The agenda (phones) names each day in full: «lunes, 6 de noviembre».
  const dayName = new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  return (
    <>
      <PageHeader title={t("events.calendar.title")} description={t("events.calendar.intro")} />
      <div className="ev-month-nav">
        <Link to={`?month=${shiftMonth(month, -1)}`} className="button" rel="prev">
          ← {t("events.calendar.previous")}
        </Link>
        <h2 id="calendar-month" suppressHydrationWarning>
          {label}
        </h2>
        <Link to={`?month=${shiftMonth(month, 1)}`} className="button" rel="next">
          {t("events.calendar.next")} →
        </Link>
        <span className="muted" role="status">
          {t("events.calendar.count", { count })}
        </span>
      </div>
      <div className="table-wrap">
        <table className="ev-calendar" aria-labelledby="calendar-month">
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d} scope="col" suppressHydrationWarning>
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks(month).map((week) => (
              <tr key={week[0]}>
                {week.map((day) => (
                  <CalendarDay key={day} day={day} inMonth={day.startsWith(month)} events={days[day] ?? []} fullName={dayName.format(new Date(`${day}T00:00:00Z`))} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
