import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
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
import { INTL_LOCALE, makeT, DEFAULT_LOCALE, provideMessages, type Locale } from "./i18n";
import { messagesFor } from "./i18n/catalog.server";
import { namespacesFor, namespaceSetKey } from "./i18n/namespaces";
import { getSession } from "./modules/auth/session.server";
import { resolveLocale } from "./modules/auth/locale.server";
import { navFor } from "./modules/auth/permissions";
import { getSettings } from "./modules/settings/settings.server";
import { readToast } from "./lib/toast.server";
import { readingZone } from "./lib/time";
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
      timeZone: readingZone(user?.timeZone, settings.timeZone),
      user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
      nav: user ? navFor(user.role).map(({ to, label }) => ({ to, label })) : [],
      toast,
      // Only this language and this page's namespaces reach the browser (decision 028).
      messages: messagesFor(locale, namespacesFor(new URL(request.url).pathname)),
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

/**
 * The messages change when the next page is in an area that needs other namespaces: root must then
 * reload with the navigation, so the new page never shows a raw key. (Single fetch reruns root on
 * every navigation today; this keeps it true if root ever opts out of revalidating.)
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || namespaceSetKey(currentUrl.pathname) !== namespaceSetKey(nextUrl.pathname);

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
  const { locale, messages } = useLoaderData<typeof loader>();
  // Before any child renders (children, <Meta/> titles, makeT outside hooks all read the store).
  provideMessages(locale, messages);
  return (
    <Document locale={locale}>
      <AppShell>
        <Outlet />
      </AppShell>
    </Document>
  );
}

/**
 * Any error no route handles. When the root loader ran (a 404 on /contacts/999, a failing page
 * loader) the page keeps its shell and navigation; only a failing root loader gets the bare page.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? DEFAULT_LOCALE;
  provideMessages(locale, rootData?.messages);
  const t = makeT(locale);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <Document locale={locale}>
      {rootData ? (
        <AppShell>
          <ErrorPage status={status} t={t} />
        </AppShell>
      ) : (
        <main id="main">
          <ErrorPage status={status} t={t} />
        </main>
      )}
    </Document>
  );
}
