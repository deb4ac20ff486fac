import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { enquiryLinks } from "~/components/enquiries/enquiries";
import { formatMonth } from "~/lib/format";
import { useT } from "~/i18n/use-t";
import { monthParam } from "~/lib/params";
import { requirePermission } from "~/modules/auth/session.server";
import { ENQUIRY_PAGE_PERMISSIONS, requireEnquiryAccess } from "~/modules/enquiries/access.server";
import { enquiryMonths } from "~/modules/enquiries/import.server";
import { monthOf } from "~/modules/reports/month";
import { getSettings } from "~/modules/settings/settings.server";

export const meta = pageTitle("enquiries.title");
export const links = enquiryLinks;

/** The months with enquiries (imported or typed) and a month picker; ?month=YYYY-MM opens that month. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, ENQUIRY_PAGE_PERMISSIONS);
  const url = new URL(request.url);
  const picked = monthParam(request, url.searchParams.get("month"));
  const current = monthOf(new Date(), (await getSettings()).timeZone);
  await requireEnquiryAccess(request, user, picked ?? current, "read");
  if (picked) throw redirect(`/enquiries/${picked}`);
  const months = (await enquiryMonths()).map((m) => ({ ...m, label: formatMonth(m.month, user.locale) }));
  return { current, months };
}

export default function EnquiriesIndexPage() {
  const { current, months } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <header className="page-header">
        <h1>{t("enquiries.title")}</h1>
        <p className="muted">{t("enquiries.intro")}</p>
      </header>
      <Form method="get" className="panel filters">
        <div className="field">
          <label htmlFor="enq-month">{t("enquiries.chooseMonth")}</label>
          <input id="enq-month" name="month" type="month" defaultValue={current} required />
        </div>
        <button type="submit" className="button button--primary">
          {t("enquiries.open")}
        </button>
      </Form>
      <section className="panel" aria-labelledby="enq-months">
        <h2 id="enq-months">{t("enquiries.months")}</h2>
        {months.length ? (
          <ul>
            {months.map((m) => (
              <li key={m.month}>
                <Link to={`/enquiries/${m.month}`}>{m.label}</Link> — {t(m.imported ? "enquiries.source.records" : "enquiries.source.totals")}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("enquiries.noMonths")}</p>
        )}
      </section>
    </>
  );
}
