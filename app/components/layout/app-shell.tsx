import { Form, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { loader as rootLoader } from "~/root";
import { useT } from "~/i18n/use-t";
import { LanguageSwitch } from "./language-switch";

export function AppShell({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const t = useT();
  const location = useLocation();
  const user = data?.user;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="topbar">
        <a className="brand" href="/">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span>Alcance</span>
        </a>
        <div className="topbar__end">
          <LanguageSwitch />
          {user ? (
            <details className="user-menu">
              <summary>
                <span className="sr-only">{t("layout.userMenu")}: </span>
                {user.name}
              </summary>
              <div className="user-menu__panel">
                <p className="muted">{user.email}</p>
                <p className="muted">{t(`roles.${user.role}`)}</p>
                <a href="/account">{t("layout.account")}</a>
                <Form method="post" action="/logout">
                  <button type="submit" className="link-button">
                    {t("layout.logout")}
                  </button>
                </Form>
              </div>
            </details>
          ) : null}
        </div>
      </header>
      <div className={user ? "layout" : "layout layout--bare"}>
        {user && data.nav.length > 0 ? (
          <nav className="sidenav" aria-label={t("layout.mainNav")}>
            <ul>
              {data.nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" className="content" key={location.pathname}>
          {data?.toast ? <ToastMessage toast={data.toast} /> : null}
          {children}
        </main>
      </div>
    </div>
  );
}

function ToastMessage({ toast }: { toast: { kind: string; message: string; params?: Record<string, string | number> } }) {
  const t = useT();
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(false), 8000);
    return () => clearTimeout(timer);
  }, []);
  if (!visible) return null;
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <span>{t(toast.message, toast.params)}</span>
      <button type="button" className="toast__close" onClick={() => setVisible(false)} aria-label={t("layout.close")}>
        ×
      </button>
    </div>
  );
}
