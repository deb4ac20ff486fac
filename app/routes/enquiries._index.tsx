import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { enquiryLinks } from "~/components/enquiries/enquiries";
import { Card, EmptyState, Field, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { refusalResponse } from "~/lib/http.server";
import { monthParam } from "~/lib/params";
import { enquiryMonths, requireEnquiryMonth } from "~/modules/enquiries/index.server";
import { monthOf } from "~/modules/reports";
import { getSettings } from "~/modules/settings/index.server";

export const meta = pageTitle("enquiries.title");
export const links = enquiryLinks;

/** The months with enquiries (imported or typed) and a month picker; ?month=YYYY-MM opens that month. */
export async function loader({ request }: LoaderFunctionArgs) {
  const picked = monthParam(request, new URL(request.url).searchParams.get("month"));
  const current = monthOf(new Date(), (await getSettings()).timeZone);
  const { user } = await requireEnquiryMonth(request, picked ?? current, "read").catch(refusalResponse);
  if (picked) throw redirect(`/enquiries/${picked}`);
  const months = (await enquiryMonths()).map((m) => ({ ...m, label: formatMonth(m.month, user.locale) }));
  return { current, months };
}

export default function EnquiriesIndexPage() {
  const { current, months } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("enquiries.title")} description={t("enquiries.intro")} />
      <Form method="get" className="panel filters">
        <Field name="month" id="enq-month" type="month" label={t("enquiries.chooseMonth")} defaultValue={current} required />
        <button type="submit" className="button button--primary">
          {t("enquiries.open")}
        </button>
      </Form>
      <Card title={t("enquiries.months")}>
        {months.length ? (
          <ul>
            {months.map((m) => (
              <li key={m.month}>
                <Link to={`/enquiries/${m.month}`}>{m.label}</Link> — {t(m.imported ? "enquiries.source.records" : "enquiries.source.totals")}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState message={t("enquiries.noMonths")} />
        )}
      </Card>
    </>
  );
}
