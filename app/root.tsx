import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useNonce } from "./components/nonce";
import { AppShell } from "./components/layout/app-shell";
import { ErrorPage } from "./components/layout/error-page";
import { INTL_LOCALE, makeT, DEFAULT_LOCALE, type Locale } from "./i18n";
import { getSession } from "./modules/auth/session.server";
import { resolveLocale } from "./modules/auth/locale.server";
import { navFor } from "./modules/auth/permissions";
import { getSettings } from "./modules/settings/settings.server";
import { readToast } from "./lib/toast.server";
import stylesHref from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Alcance" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const user = session && !session.mfaPending ? session.user : null;
  const locale = await resolveLocale(request, user);
  const settings = await getSettings();
  const { toast, setCookie } = await readToast(request);
  return data(
    {
      locale,
      timeZone: user?.timeZone ?? settings.timeZone,
      user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
      nav: user ? navFor(user.role).map(({ to, label }) => ({ to, label })) : [],
      toast,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

function Document({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={INTL_LOCALE[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale}>
      <AppShell>
        <Outlet />
      </AppShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? DEFAULT_LOCALE;
  const t = makeT(locale);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <Document locale={locale}>
      <ErrorPage status={status} t={t} />
    </Document>
  );
}
