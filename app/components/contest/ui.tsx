import type { LinksFunction } from "@remix-run/node";
import { Form, Link, useLocation } from "@remix-run/react";
import { StatusBadge as KitBadge, toneMap } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import contestStylesHref from "./contest.css?url";

export const contestLinks: LinksFunction = () => [{ rel: "stylesheet", href: contestStylesHref }];

export const CONTEST_STATUS_TONES = toneMap({ RECEIVED: "info", IN_REVIEW: "info", CORRECTIONS_REQUESTED: "warning", REGISTERED: "success", NOT_REGISTERED: "danger", WITHDRAWN: "danger" });
export const CHECK_TONES = toneMap({ MET: "success", MISSING: "danger", NEEDS_CORRECTION: "warning" });
export const MAIL_TONES = toneMap({ sent: "success", queued: "info" }, "danger");

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <KitBadge tone={CONTEST_STATUS_TONES(status)} label={t(`contest.status.${status}`)} />;
}

export function PhaseBadge({ phase, overridden }: { phase: string; overridden?: boolean }) {
  const t = useT();
  return <KitBadge tone="info" label={`${t(`contest.phase.${phase}`)}${overridden ? ` · ${t("contest.phase.overridden")}` : ""}`} />;
}

export function CheckBadge({ result }: { result: string }) {
  const t = useT();
  return <KitBadge tone={CHECK_TONES(result)} label={t(`contest.check.${result}`)} />;
}

export function MailBadge({ status }: { status: string | null }) {
  const t = useT();
  if (!status) return null;
  return <KitBadge tone={MAIL_TONES(status)} label={t(`contest.mailState.${status}`)} />;
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
          { to: `${base}/portal`, label: "portal.staff.title" },
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
