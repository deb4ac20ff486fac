import type { LinksFunction } from "@remix-run/node";
import { Form, Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import contestStylesHref from "./contest.css?url";

export const contestLinks: LinksFunction = () => [{ rel: "stylesheet", href: contestStylesHref }];

const STATUS_TONE: Record<string, string> = {
  RECEIVED: "badge--pending",
  IN_REVIEW: "badge--pending",
  CORRECTIONS_REQUESTED: "badge--warn",
  REGISTERED: "badge--ok",
  NOT_REGISTERED: "badge--off",
  WITHDRAWN: "badge--off",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge ${STATUS_TONE[status] ?? ""}`}>{t(`contest.status.${status}`)}</span>;
}

export function PhaseBadge({ phase, overridden }: { phase: string; overridden?: boolean }) {
  const t = useT();
  return (
    <span className="badge badge--pending">
      {t(`contest.phase.${phase}`)}
      {overridden ? ` · ${t("contest.phase.overridden")}` : ""}
    </span>
  );
}

const CHECK_TONE: Record<string, string> = { MET: "badge--ok", MISSING: "badge--off", NEEDS_CORRECTION: "badge--warn", PENDING: "" };

export function CheckBadge({ result }: { result: string }) {
  const t = useT();
  return <span className={`badge ${CHECK_TONE[result] ?? ""}`}>{t(`contest.check.${result}`)}</span>;
}

export function MailBadge({ status }: { status: string | null }) {
  const t = useT();
  if (!status) return null;
  const tone = status === "sent" ? "badge--ok" : status === "queued" ? "badge--pending" : "badge--off";
  return <span className={`badge ${tone}`}>{t(`contest.mailState.${status}`)}</span>;
}

export function ErrorText({ error, params }: { error?: string; params?: Record<string, string | number> }) {
  const t = useT();
  return error ? (
    <p className="field-error" role="alert">
      {t(error, params)}
    </p>
  ) : null;
}

type Frame = {
  contest: { id: string; name: string; phase: string; phaseOverride: string | null };
  contests: Array<{ id: string; name: string }>;
  canEdit: boolean;
};

/** The header of every contest page: name, phase, the tabs and the other contests a click away. */
export function ContestHeader({ frame, title }: { frame: Frame; title?: string }) {
  const t = useT();
  const location = useLocation();
  const base = `/contest/${frame.contest.id}`;
  const tabs = [
    { to: base, label: "contest.tabs.overview" },
    ...(frame.canEdit
      ? [
          { to: `${base}/submissions/new`, label: "contest.tabs.newSubmission" },
          { to: `${base}/requirements`, label: "contest.tabs.requirements" },
          { to: `${base}/rubric`, label: "contest.tabs.rubric" },
          { to: `${base}/edit`, label: "contest.tabs.settings" },
        ]
      : []),
  ];
  return (
    <>
      <header className="ct-header">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            {t("contest.title")}
          </p>
          <h1>{title ?? frame.contest.name}</h1>
          <p className="ct-header__meta">
            <PhaseBadge phase={frame.contest.phase} overridden={!!frame.contest.phaseOverride} />
            {title ? <span className="muted">{frame.contest.name}</span> : null}
          </p>
        </div>
        <div className="ct-switch">
          {frame.contests.length > 1 ? (
            <Form method="get" action="/contest" className="ct-switch">
              <label htmlFor="contest-switch" className="sr-only">
                {t("contest.switch")}
              </label>
              <select id="contest-switch" name="id" defaultValue={frame.contest.id}>
                {frame.contests.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button">
                {t("contest.switchGo")}
              </button>
            </Form>
          ) : null}
          {frame.canEdit ? (
            <Link to="/contest/new" className="button">
              {t("contest.new")}
            </Link>
          ) : null}
        </div>
      </header>
      <nav aria-label={t("contest.tabs.label")}>
        <ul className="ct-tabs">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} aria-current={location.pathname === tab.to ? "page" : undefined}>
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

export function FormErrorSummary({ errors, params }: { errors: Record<string, string>; params?: Record<string, string | number> }) {
  const t = useT();
  if (Object.keys(errors).length === 0) return null;
  return (
    <p className="form-error" role="alert">
      {errors._form ? t(errors._form, params) : t("contest.errors.fix")}
    </p>
  );
}
