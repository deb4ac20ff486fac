/**
 * The MJML layout every message shares: header, body, footer with the institution's name and
 * postal address. {{placeholders}} survive compilation and are merged per message.
 */
export type LayoutParts = { lang: string; body: string; footer: string };

export function layout({ lang, body, footer }: LayoutParts): string {
  return `<mjml lang="${lang}">
  <mj-head>
    <mj-title>{{subject}}</mj-title>
    <mj-preview>{{preheader}}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1b1f24" />
      <mj-button background-color="#8a1538" color="#ffffff" font-size="16px" border-radius="6px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f6f7f9">
    <mj-section background-color="#8a1538" padding="16px 24px">
      <mj-column><mj-text color="#ffffff" font-size="20px" font-weight="700">Alcance</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>${body}</mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>${footer}</mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

export const TRANSACTIONAL_FOOTER = `<mj-text font-size="12px" color="#525a66">{{institutionName}}<br />{{postalAddress}}</mj-text>
<mj-text font-size="12px" color="#525a66">{{footerNote}}</mj-text>`;
