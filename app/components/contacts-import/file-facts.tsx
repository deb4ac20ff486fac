import { Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

type Facts = { encoding: string | null; delimiter: string | null; consentBasis: string | null; sourceText: string; onDuplicate: string };

/** How the file was read and what the operator said about it on upload. */
export function FileFacts({ batch }: { batch: Facts }) {
  const t = useT();
  const facts: Array<[string, string]> = [
    [t("contacts.import.review.encoding"), batch.encoding ? t(`contacts.import.encodings.${batch.encoding}`) : t("common.none")],
    [t("contacts.import.review.delimiter"), batch.delimiter ? t(`contacts.import.delimiters.${DELIMITER_NAMES[batch.delimiter] ?? "comma"}`) : t("common.none")],
    [t("contacts.import.upload.consentBasis"), batch.consentBasis ?? t("contacts.import.review.noBasis")],
    [t("contacts.import.upload.sourceText"), batch.sourceText],
    [t("contacts.import.upload.onDuplicate"), t(`contacts.import.policy.${batch.onDuplicate}`)],
  ];
  return (
    <Card title={t("contacts.import.review.file")}>
      <dl className="import-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
