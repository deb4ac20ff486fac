/** The recovery codes, shown once after setup or regeneration, with a download. */
import { Link } from "@remix-run/react";
import { Card, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export function RecoveryCodes({ codes, afterSetup }: { codes: readonly string[]; afterSetup: boolean }) {
  const t = useT();
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`Alcance\n\n${codes.join("\n")}\n`)}`;
  return (
    <Card title={t("auth.twoFactor.codes.title")}>
      <p>{t(afterSetup ? "auth.twoFactor.codes.introSetup" : "auth.twoFactor.codes.introRegenerated")}</p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="muted">{t("auth.twoFactor.codes.once")}</p>
      <Toolbar>
        <a className="button" href={download} download="alcance-recovery-codes.txt">
          {t("auth.twoFactor.codes.download")}
        </a>
        <Link className="button button--primary" to="/">
          {t("auth.twoFactor.codes.continue")}
        </Link>
      </Toolbar>
    </Card>
  );
}
