/**
 * Mail authentication on the settings page (admin.settings.tsx, intents "dkim", "dkimGenerate",
 * "dkimRemove"; decision 033): where the signing key comes from, the DNS records to publish (DKIM,
 * SPF, DMARC), whether the published DKIM record matches, and a form to set or generate the key.
 * The private key is never sent to the browser: only its fingerprint and size.
 */
import { Form } from "@remix-run/react";
import { Card, ConfirmDialog, Facts, Field, FormActions, FormErrorSummary, StatusBadge, TextareaField, toneMap } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { getFormProps, useAppForm, type SubmissionResult } from "~/lib/forms";
import { dkimKeySchema, type DkimDnsState } from "~/modules/mail";

type Overview = {
  source: "environment" | "settings" | null;
  unreadable: boolean;
  domain: string;
  selector: string | null;
  fingerprint: string | null;
  bits: number | null;
  senders: { kind: "bulk" | "transactional"; address: string; aligned: boolean | null }[];
  records: {
    dkim: { name: string; value: string; strings: string[] } | null;
    spf: { name: string; value: string };
    dmarc: { name: string; value: string };
  };
  dns: { state: DkimDnsState; published?: string } | null;
};

const DNS_TONES = toneMap<DkimDnsState>({ match: "success", mismatch: "danger", missing: "warning", unreachable: "neutral" });

function DnsRecord({ title, name, value, hint }: { title: string; name: string; value: string; hint?: string }) {
  const t = useT();
  return (
    <div className="mail-auth__record" data-record={title}>
      <h4>{title}</h4>
      <Facts
        items={[
          { label: t("admin.settings.dkim.recordName"), value: <code>{name}</code> },
          { label: t("admin.settings.dkim.recordType"), value: "TXT" },
          { label: t("admin.settings.dkim.recordValue"), value: <code className="mail-auth__value">{value}</code> },
        ]}
      />
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

export function MailAuth({ overview, reply, busy }: { overview: Overview; reply?: SubmissionResult<string[]>; busy: boolean }) {
  const t = useT();
  const fromEnvironment = overview.source === "environment";
  const [form, fields] = useAppForm({
    id: "dkim",
    schema: dkimKeySchema,
    lastResult: reply,
    defaultValue: { domain: overview.domain, selector: overview.selector ?? "alcance1", privateKey: "" },
  });
  const label = (name: "domain" | "selector" | "privateKey") => t(`admin.settings.dkim.fields.${name}`);
  const errors = Object.fromEntries(Object.entries(form.allErrors).map(([name, keys]) => [name, keys[0]]));
  const { dkim, spf, dmarc } = overview.records;
  return (
    <Card title={t("admin.settings.dkim.title")} data-section="mail-auth">
      <div id="mail-auth" className="mail-auth">
        <p>{t("admin.settings.dkim.intro")}</p>
        <Facts
          items={[
            { label: t("admin.settings.dkim.status"), value: overview.source ? t(`admin.settings.dkim.source.${overview.source}`) : t("admin.settings.dkim.off") },
            { label: t("admin.settings.dkim.fields.domain"), value: overview.source ? overview.domain : null },
            { label: t("admin.settings.dkim.fields.selector"), value: overview.selector },
            { label: t("admin.settings.dkim.fingerprint"), value: overview.fingerprint ? <code data-fingerprint>{overview.fingerprint}</code> : null },
            { label: t("admin.settings.dkim.bits"), value: overview.bits ? String(overview.bits) : null },
          ]}
        />
        {overview.unreadable ? <p className="form-error" role="alert">{t(fromEnvironment ? "admin.settings.dkim.badEnvironmentKey" : "admin.settings.dkim.unreadable")}</p> : null}
        {overview.source ? (
          <ul className="mail-auth__senders">
            {overview.senders.map((sender) => (
              <li key={sender.kind} data-sender={sender.kind}>
                {t(`admin.settings.dkim.sender.${sender.kind}`, { address: sender.address })}{" "}
                <StatusBadge tone={sender.aligned ? "success" : "danger"} label={t(sender.aligned ? "admin.settings.dkim.aligned" : "admin.settings.dkim.notAligned", { domain: overview.domain })} />
              </li>
            ))}
          </ul>
        ) : null}

        <h3>{t("admin.settings.dkim.records")}</h3>
        {dkim ? (
          <>
            <DnsRecord title="DKIM" name={dkim.name} value={dkim.value} hint={dkim.strings.length > 1 ? t("admin.settings.dkim.splitHint", { count: dkim.strings.length }) : undefined} />
            {overview.dns ? (
              <p data-dns-state={overview.dns.state}>
                <StatusBadge tone={DNS_TONES(overview.dns.state)} label={t(`admin.settings.dkim.dns.${overview.dns.state}`)} /> {t(`admin.settings.dkim.dnsHint.${overview.dns.state}`, { name: dkim.name })}
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">{t("admin.settings.dkim.noKeyRecords")}</p>
        )}
        <DnsRecord title="SPF" name={spf.name} value={spf.value} hint={t("admin.settings.dkim.spfHint")} />
        <DnsRecord title="DMARC" name={dmarc.name} value={dmarc.value} hint={t("admin.settings.dkim.dmarcHint")} />

        <h3>{t("admin.settings.dkim.keyTitle")}</h3>
        {fromEnvironment ? (
          <p>{t("admin.settings.dkim.environmentNote")}</p>
        ) : (
          <>
            <FormErrorSummary errors={errors} title={t("admin.settings.fixErrors")} idPrefix="dkim" labels={Object.fromEntries(Object.keys(errors).map((n) => [n, label(n as "domain")]))} />
            <Form method="post" {...getFormProps(form)} noValidate>
              <div className="form-grid">
                <Field id="dkim-domain" meta={fields.domain} label={label("domain")} hint={t("admin.settings.dkim.hints.domain")} />
                <Field id="dkim-selector" meta={fields.selector} label={label("selector")} hint={t("admin.settings.dkim.hints.selector")} />
                {/* Never filled back: the stored key stays on the server. */}
                <TextareaField wide id="dkim-privateKey" name="privateKey" defaultValue="" rows={4} autoComplete="off" spellCheck={false} label={label("privateKey")} hint={t(overview.source ? "admin.settings.dkim.hints.privateKeyKeep" : "admin.settings.dkim.hints.privateKey")} error={fields.privateKey.errors?.[0]} />
              </div>
              <FormActions submitLabel={t("admin.settings.dkim.save")} intent="dkim" busy={busy}>
                <button type="submit" name="intent" value="dkimGenerate" className="button" disabled={busy}>
                  {t(overview.source ? "admin.settings.dkim.regenerate" : "admin.settings.dkim.generate")}
                </button>
              </FormActions>
            </Form>
            {overview.source === "settings" ? (
              <ConfirmDialog trigger={t("admin.settings.dkim.remove")} title={t("admin.settings.dkim.removeTitle")} intent="dkimRemove" confirmLabel={t("admin.settings.dkim.removeConfirm")}>
                {t("admin.settings.dkim.removeWhat")}
              </ConfirmDialog>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
