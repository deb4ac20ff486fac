import { Card, Facts } from "~/components/ui";
import { useT } from "~/i18n/use-t";

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

type Facts = { encoding: string | null; delimiter: string | null; consentBasis: string | null; sourceText: string; onDuplicate: string };

/** How the file was read and what the operator said about it on upload. */
export function FileFacts({ batch }: { batch: Facts }) {
  const t = useT();
  return (
    <Card title={t("contacts.import.review.file")}>
      <Facts
        items={[
          { label: t("contacts.import.review.encoding"), value: batch.encoding ? t(`contacts.import.encodings.${batch.encoding}`) : t("common.none") },
          { label: t("contacts.import.review.delimiter"), value: batch.delimiter ? t(`contacts.import.delimiters.${DELIMITER_NAMES[batch.delimiter] ?? "comma"}`) : t("common.none") },
          { label: t("contacts.import.upload.consentBasis"), value: batch.consentBasis ?? t("contacts.import.review.noBasis") },
          { label: t("contacts.import.upload.sourceText"), value: batch.sourceText },
          { label: t("contacts.import.upload.onDuplicate"), value: t(`contacts.import.policy.${batch.onDuplicate}`) },
        ]}
      />
    </Card>
  );
}
