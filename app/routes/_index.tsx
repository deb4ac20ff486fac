import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/session.server";
import { can, navFor } from "~/modules/auth/permissions";

export const meta: MetaFunction = () => [{ title: "Alcance" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "JUROR") throw redirect("/jury");
  if (!can(user.role, "read:home")) throw new Response("Forbidden", { status: 403 });
  return { name: user.name, role: user.role, areas: navFor(user.role).filter((a) => a.to !== "/").map(({ to, label }) => ({ to, label })) };
}

export default function Home() {
  const { name, role, areas } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <header className="page-header">
        <h1>{t("home.greeting", { name })}</h1>
        <p className="muted">{t(`home.intro.${role}`)}</p>
      </header>
      <section aria-labelledby="areas-title">
        <h2 id="areas-title">{t("home.areas")}</h2>
        <ul className="card-grid">
          {areas.map((area) => (
            <li key={area.to} className="card">
              <Link to={area.to} className="card__link">
                <strong>{t(area.label)}</strong>
                <span className="muted">{t(`${area.label}.description`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
