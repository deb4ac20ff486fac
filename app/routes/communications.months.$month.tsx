import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { pageTitle } from "~/components/contact-detail/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { fieldErrors } from "~/lib/forms";
import { formBody, idParam, isMultipartBody, readBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp } from "~/modules/auth/session.server";
import { forbidden, mayEdit, requireCommunications, seesArea } from "~/modules/communications/access.server";
import { CommunicationsError, getAccount, getMicrosite, listAccounts, saveAccountMonth, saveMicrosite } from "~/modules/communications/accounts.server";
import { communicationsFiguresForMonth } from "~/modules/communications/figures.server";
import { CSV_IMPORT_MAX_BYTES, readNetworkCsv, type CsvReading } from "~/modules/communications/import.server";
import { accountMonthSchema, MICROSITE_TOP, micrositeSchema } from "~/modules/communications/schema";
import { MEDIA_MEDIUMS, MEDIA_TONES, MEDIA_TYPES, OWNER_AREAS, type AccountMonth } from "~/modules/communications/shapes";
import { countryChoices, countryName } from "~/modules/geo/regions";
import { INTL_LOCALE } from "~/i18n";

export const meta = pageTitle("communications.month.title");

const FIGURE_FIELDS = ["posts", "impressions", "reach", "followers", "shares", "likes", "comments", "engagements", "bestPostReach"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCommunications(request);
  const month = idParam(request, params.month, "month");
  const figures = await communicationsFiguresForMonth(month);
  const areas = OWNER_AREAS.filter((a) => seesArea(access, a));
  const editArea = { VMRE_OFFICE: await mayEdit(access, month, "VMRE_OFFICE"), CNCS: await mayEdit(access, month, "CNCS") };
  const withFigures = new Map(areas.flatMap((a) => figures.areas[a].accounts.map((x) => [x.accountId, x] as const)));
  const editable = (await listAccounts())
    .filter((a) => areas.includes(a.ownerArea) && editArea[a.ownerArea] && (a.active || withFigures.has(a.id)))
    .map((a) => ({ ...a, current: withFigures.get(a.id) ?? null }));
  const seesMicrosite = access.kind === "staff";
  const editMicrosite = seesMicrosite && (await mayEdit(access, month, "MICROSITE"));
  const intl = INTL_LOCALE[access.user.locale];
  const microsite = seesMicrosite ? await getMicrosite(month) : null;
  return {
    month,
    areas: areas.map((a) => ({ area: a, ...figures.areas[a], edit: editArea[a] })),
    microsite: seesMicrosite ? { ...figures.microsite, topNames: (microsite?.topCountries ?? []).map((c) => countryName(c, intl)), stored: microsite } : null,
    editMicrosite,
    countries: editMicrosite ? countryChoices(intl) : [],
    media: figures.media,
    editable,
    maxMb: CSV_IMPORT_MAX_BYTES / 1024 / 1024,
  };
}

type ActionResult =
  | { intent: "account"; accountId: string; errors: Record<string, string>; values: Record<string, string> }
  | { intent: "import"; accountId: string; fileName: string; reading: CsvReading | null; error?: string }
  | { intent: "microsite"; errors: Record<string, string>; values: { visits: string; countries: string; topCountries: string[] } };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCommunications(request);
  const month = idParam(request, params.month, "month");
  const actor = { userId: access.user.id, ip: clientIp(request) };
  const back = `/communications/months/${month}`;
  let form: FormData;
  try {
    form = isMultipartBody(request)
      ? await readBody(request, () => unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_IMPORT_MAX_BYTES })))
      : await formBody(request);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data<ActionResult>({ intent: "import", accountId: "", fileName: "", reading: null, error: "communications.import.tooLarge" }, { status: 413 });
    throw error;
  }
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = text("intent");

  if (intent === "microsite") {
    if (!(await mayEdit(access, month, "MICROSITE"))) throw forbidden();
    const values = { visits: text("visits"), countries: text("countries"), topCountries: form.getAll("topCountries").map((v) => (typeof v === "string" ? v : "")).slice(0, MICROSITE_TOP + 1) };
    const parsed = micrositeSchema.safeParse(values);
    if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error), values }, { status: 400 });
    const { changed } = await saveMicrosite(actor, month, parsed.data);
    return redirectWithToast(`${back}#microsite`, changed ? { kind: "success", message: "communications.saved" } : { kind: "info", message: "communications.unchanged" });
  }

  if (intent !== "account" && intent !== "import") return data({ intent: "account", accountId: "", errors: { _form: "communications.errors.intent" }, values: {} } satisfies ActionResult, { status: 400 });
  const accountId = text("accountId");
  const account = /^[A-Za-z0-9_-]{1,64}$/.test(accountId) ? await getAccount(accountId) : null;
  if (!account) return data<ActionResult>({ intent: "account", accountId: "", errors: { accountId: "communications.errors.account" }, values: {} }, { status: 400 });
  if (!seesArea(access, account.ownerArea) || !(await mayEdit(access, month, account.ownerArea))) throw forbidden();

  if (intent === "import") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent, accountId, fileName: "", reading: null, error: "communications.import.fileRequired" }, { status: 400 });
    const reading = readNetworkCsv(new Uint8Array(await file.arrayBuffer()), month);
    return data<ActionResult>({ intent, accountId, fileName: file.name.slice(0, 200), reading }, { status: reading.problem ? 400 : 200 });
  }

  const values = Object.fromEntries([...FIGURE_FIELDS, "bestPost", "source"].map((f) => [f, text(f)]));
  const parsed = accountMonthSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ intent, accountId, errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const { changed } = await saveAccountMonth(actor, accountId, month, parsed.data);
    return redirectWithToast(`${back}#account-${accountId}`, changed ? { kind: "success", message: "communications.saved" } : { kind: "info", message: "communications.unchanged" });
  } catch (error) {
    if (error instanceof CommunicationsError && error.code === "inactive") return data<ActionResult>({ intent, accountId, errors: { _form: "communications.errors.inactive" }, values }, { status: 409 });
    throw error;
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Editable = Loaded["editable"][number];

const numberOrBlank = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

function AccountForm({ account, values, errors, source, busy }: { account: Editable; values: Record<string, string>; errors: Record<string, string>; source: "TYPED" | "CSV"; busy: boolean }) {
  const t = useT();
  const prefix = `acc-${account.id}-${source}`;
  return (
    <Form method="post" noValidate aria-label={t("communications.month.formFor", { account: `${t(`communications.network.${account.network}`)} ${account.handle}` })}>
      <input type="hidden" name="intent" value="account" />
      <input type="hidden" name="accountId" value={account.id} />
      <input type="hidden" name="source" value={source} />
      {errors._form ? (
        <p className="form-error" role="alert">
          {t(errors._form)}
        </p>
      ) : Object.keys(errors).length ? (
        <p className="form-error" role="alert">
          {t("communications.errors.fix")}
        </p>
      ) : null}
      <div className="form-grid">
        {FIGURE_FIELDS.map((f) => (
          <Field key={f} name={f} idPrefix={prefix} label={t(`communications.fields.${f}`)} defaultValue={values[f] ?? ""} error={errors[f]} required={f === "posts"} autoComplete="off" />
        ))}
        <Field name="bestPost" idPrefix={prefix} label={t("communications.fields.bestPost")} defaultValue={values.bestPost ?? ""} error={errors.bestPost} wide />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(source === "CSV" ? "communications.import.save" : "communications.month.save")}
        </button>
      </div>
    </Form>
  );
}

const valuesOf = (a: AccountMonth | CsvReading["figures"] | null): Record<string, string> => {
  const row = (a ?? {}) as Record<string, unknown>;
  return Object.fromEntries([...FIGURE_FIELDS, "bestPost"].map((f) => [f, row[f] === null || row[f] === undefined ? "" : String(row[f])]));
};

function Reading({ reading, fileName }: { reading: CsvReading; fileName: string }) {
  const t = useT();
  const locale = useLocale();
  const nf = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const read = reading.columns.filter((c) => c.field);
  const ignored = reading.columns.filter((c) => !c.field);
  return (
    <div>
      <p>{t("communications.import.read", { file: fileName, kind: t(`communications.import.kind.${reading.kind}`), rows: reading.rows, inMonth: reading.inMonth, outside: reading.outsideMonth })}</p>
      <ul>
        {read.map((c) => (
          <li key={c.header}>
            «{c.header}» → {c.field ? t(`communications.import.field.${c.field}`) : null}
          </li>
        ))}
      </ul>
      {ignored.length ? <p className="muted">{t("communications.import.ignored", { columns: ignored.map((c) => `«${c.header}»`).join(", ") })}</p> : null}
      {reading.skipped ? <p className="muted">{t("communications.import.skipped", { count: reading.skipped })}</p> : null}
      {reading.rejectedCount ? (
        <div role="alert">
          <p className="form-error">{t("communications.import.rejected", { count: reading.rejectedCount })}</p>
          <ul>
            {reading.rejected.map((r) => (
              <li key={r.line}>{t(`communications.import.reason.${r.reason}`, { line: r.line, column: r.column ?? "" })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul aria-label={t("communications.import.figuresRead")}>
        {(["posts", "impressions", "reach", "followers", "shares", "likes", "comments", "engagements", "bestPostReach"] as const).map((f) => (
          <li key={f}>
            {t(`communications.fields.${f}`)}: <strong>{reading.figures[f] === null ? t("communications.import.notInFile") : nf.format(reading.figures[f])}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function CommunicationsMonthPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const nf = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? "—" : nf.format(v));
  const busy = useNavigation().state === "submitting";
  const monthName = formatMonth(d.month, locale);
  const imported = actionData?.intent === "import" ? actionData : null;
  const micrositeErrors = actionData?.intent === "microsite" ? actionData.errors : {};
  const micrositeValues = actionData?.intent === "microsite" ? actionData.values : { visits: numberOrBlank(d.microsite?.stored?.visits), countries: numberOrBlank(d.microsite?.stored?.countries), topCountries: d.microsite?.stored?.topCountries ?? [] };
  const m = d.media;

  return (
    <>
      <header className="page-header">
        <h1>{t("communications.month.heading", { month: monthName })}</h1>
        <p className="muted">{t("communications.month.intro")}</p>
        <Form method="get" action="/communications/months" className="filters">
          <div className="field">
            <label htmlFor="comms-month">{t("communications.month.pick")}</label>
            <input id="comms-month" name="month" type="month" defaultValue={d.month} required />
          </div>
          <button type="submit" className="button">
            {t("communications.month.go")}
          </button>
        </Form>
      </header>

      {d.areas.map((a) => (
        <section key={a.area} className="panel" aria-labelledby={`area-${a.area}`}>
          <h2 id={`area-${a.area}`}>{t(`communications.area.${a.area}`)}</h2>
          {a.accounts.length ? (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t(`communications.area.${a.area}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("communications.fields.account")}</th>
                    <th scope="col">{t("communications.fields.posts")}</th>
                    <th scope="col">{t("communications.fields.impressions")}</th>
                    <th scope="col">{t("communications.fields.reach")}</th>
                    <th scope="col">{t("communications.fields.followers")}</th>
                    <th scope="col">{t("communications.fields.shares")}</th>
                    <th scope="col">{t("communications.fields.likes")}</th>
                    <th scope="col">{t("communications.fields.comments")}</th>
                    <th scope="col">{t("communications.fields.bestPostReach")}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.accounts.map((x) => (
                    <tr key={x.accountId} id={`figures-${x.accountId}`}>
                      <th scope="row">
                        {t(`communications.network.${x.network}`)} {x.handle}
                        {x.source === "CSV" ? <span className="badge">{t("communications.source.CSV")}</span> : null}
                      </th>
                      <td>{num(x.posts)}</td>
                      <td>{num(x.impressions)}</td>
                      <td>{num(x.reach)}</td>
                      <td>{num(x.followers)}</td>
                      <td>{num(x.shares)}</td>
                      <td>{num(x.likes)}</td>
                      <td>{num(x.comments)}</td>
                      <td>{num(x.bestPostReach)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t("communications.month.total")}</th>
                    <td>{num(a.totals.posts)}</td>
                    <td>{num(a.totals.impressions)}</td>
                    <td>{num(a.totals.reach)}</td>
                    <td>{num(a.totals.followers)}</td>
                    <td>{num(a.totals.shares)}</td>
                    <td>{num(a.totals.likes)}</td>
                    <td>{num(a.totals.comments)}</td>
                    <td />
                  </tr>
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("communications.month.noFigures")}</p>
          )}
          {a.missing.length ? <p className="muted">{t("communications.month.missing", { accounts: a.missing.map((x) => `${t(`communications.network.${x.network}`)} ${x.handle}`).join(", ") })}</p> : null}
        </section>
      ))}

      {d.microsite ? (
        <section className="panel" id="microsite" aria-labelledby="microsite-title">
          <h2 id="microsite-title">{t("communications.microsite.title")}</h2>
          {d.microsite.stored ? (
            <p>
              {t("communications.microsite.summary", { visits: num(d.microsite.visits), countries: num(d.microsite.countries) })}
              {d.microsite.topNames.length ? ` ${t("communications.microsite.top", { countries: d.microsite.topNames.join(", ") })}` : ""}
            </p>
          ) : (
            <p className="muted">{t("communications.month.noFigures")}</p>
          )}
          {d.editMicrosite ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="microsite" />
              {Object.keys(micrositeErrors).length ? (
                <p className="form-error" role="alert">
                  {t("communications.errors.fix")}
                </p>
              ) : null}
              <div className="form-grid">
                <Field name="visits" idPrefix="microsite" label={t("communications.microsite.visits")} defaultValue={micrositeValues.visits} error={micrositeErrors.visits} required />
                <Field name="countries" idPrefix="microsite" label={t("communications.microsite.countries")} defaultValue={micrositeValues.countries} error={micrositeErrors.countries} required />
              </div>
              <fieldset>
                <legend>{t("communications.microsite.topLegend")}</legend>
                {micrositeErrors.topCountries ? <p className="field-error">{t(micrositeErrors.topCountries)}</p> : null}
                <div className="form-grid">
                  {Array.from({ length: MICROSITE_TOP }, (_, i) => (
                    <div className="field" key={i}>
                      <label htmlFor={`microsite-top-${i}`}>{t("communications.microsite.place", { place: i + 1 })}</label>
                      <select id={`microsite-top-${i}`} name="topCountries" defaultValue={micrositeValues.topCountries[i] ?? ""} aria-invalid={micrositeErrors[`topCountries.${i}`] ? true : undefined}>
                        <option value="">{t("communications.microsite.none")}</option>
                        {d.countries.map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                      {micrositeErrors[`topCountries.${i}`] ? <p className="field-error">{t(micrositeErrors[`topCountries.${i}`]!)}</p> : null}
                    </div>
                  ))}
                </div>
              </fieldset>
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={busy}>
                  {t("communications.month.save")}
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="media-title">
        <h2 id="media-title">{t("communications.media.title")}</h2>
        <p>
          {t("communications.media.total", { count: m.notes })}
          {m.source === "input" ? ` ${t("communications.media.fromInput")}` : ""}
        </p>
        {m.notes ? (
          <>
            {(
              [
                ["communications.media.byMedium", MEDIA_MEDIUMS.map((k) => [`communications.medium.${k}`, m.byMedium[k], m.shares.byMedium[k]] as const)],
                ["communications.media.byTone", MEDIA_TONES.map((k) => [`communications.tone.${k}`, m.byTone[k], m.shares.byTone[k]] as const)],
                ["communications.media.byType", MEDIA_TYPES.map((k) => [`communications.type.${k}`, m.byType[k], m.shares.byType[k]] as const)],
              ] as const
            ).map(([title, rows]) => (
              <div key={title}>
                <h3>{t(title)}</h3>
                <ul>
                  {rows.map(([label, count, share]) => (
                    <li key={label} data-media={label}>
                      {t(label)}: {t("communications.media.countShare", { count: num(count), share })}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        ) : null}
        <p>
          <Link to={`/communications/media?month=${d.month}`}>{t("communications.media.openLog")}</Link>
        </p>
      </section>

      {d.editable.length ? (
        <section className="panel" aria-labelledby="edit-title">
          <h2 id="edit-title">{t("communications.month.editTitle")}</h2>
          <p className="muted">{t("communications.month.editHint")}</p>
          {d.editable.map((acc) => {
            const mine = actionData?.intent === "account" && actionData.accountId === acc.id ? actionData : null;
            return (
              <details key={acc.id} id={`account-${acc.id}`} open={!!mine}>
                <summary>
                  {t(`communications.network.${acc.network}`)} {acc.handle} — {t(`communications.area.${acc.ownerArea}`)}
                  {acc.current ? "" : ` (${t("communications.month.pending")})`}
                </summary>
                <AccountForm account={acc} values={mine ? mine.values : valuesOf(acc.current)} errors={mine ? mine.errors : {}} source="TYPED" busy={busy} />
              </details>
            );
          })}

          <h3 id="import-title">{t("communications.import.title")}</h3>
          <p className="muted">{t("communications.import.hint", { max: d.maxMb })}</p>
          <Form method="post" encType="multipart/form-data" aria-labelledby="import-title">
            <input type="hidden" name="intent" value="import" />
            {imported?.error ? (
              <p className="form-error" role="alert">
                {t(imported.error, { max: d.maxMb })}
              </p>
            ) : null}
            <div className="form-grid">
              <div className="field">
                <label htmlFor="import-account">{t("communications.fields.account")}</label>
                <select id="import-account" name="accountId" defaultValue={imported?.accountId ?? ""} required>
                  {d.editable.map((acc) => (
                    <option key={acc.id} value={acc.id}>
                      {t(`communications.network.${acc.network}`)} {acc.handle}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="import-file">{t("communications.import.file")}</label>
                <input id="import-file" name="file" type="file" accept=".csv,.tsv,.txt,text/csv" required />
              </div>
            </div>
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>
                {t("communications.import.preview")}
              </button>
            </div>
          </Form>
          {imported?.reading ? (
            <section aria-labelledby="preview-title" id="import-preview">
              <h3 id="preview-title">{t("communications.import.previewTitle")}</h3>
              {imported.reading.problem ? (
                <p className="form-error" role="alert">
                  {t(`communications.import.problem.${imported.reading.problem}`)}
                </p>
              ) : (
                <>
                  <Reading reading={imported.reading} fileName={imported.fileName} />
                  {(() => {
                    const acc = d.editable.find((x) => x.id === imported.accountId);
                    return acc ? <AccountForm account={acc} values={valuesOf(imported.reading.figures)} errors={{}} source="CSV" busy={busy} /> : null;
                  })()}
                </>
              )}
            </section>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
