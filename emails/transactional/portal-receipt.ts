/** Applicant portal: the receipt of a submitted project (folio, time, each document's SHA-256). */
export const subjectKey = "mail.portalReceipt.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text font-weight="700">{{folioLine}}</mj-text>
<mj-text>{{receivedLine}}</mj-text>
<mj-text font-weight="700">{{documentsTitle}}</mj-text>
<mj-text font-size="13px"><div style="white-space:pre-line;word-break:break-all">{{documents}}</div></mj-text>
<mj-text font-size="14px" color="#525a66">{{next}}</mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{folioLine}}\n{{receivedLine}}\n\n{{documentsTitle}}\n{{documents}}\n\n{{next}}`;

export const strings = {
  heading: "mail.portalReceipt.heading",
  intro: "mail.portalReceipt.intro",
  folioLine: "mail.portalReceipt.folio",
  receivedLine: "mail.portalReceipt.received",
  documentsTitle: "mail.portalReceipt.documents",
  next: "mail.portalReceipt.next",
  footerNote: "mail.common.footerNote",
  preheader: "mail.portalReceipt.preheader",
};
