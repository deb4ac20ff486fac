/**
 * The one shape of every «follow this link» mail (staff invitation and reset; the portal's
 * verification, reset, magic sign-in and member invitation): a heading, why it came, the button,
 * how long the link lasts and the address to copy when the button does not work. Each mail names
 * only its translation keys (`<prefix>.subject|preheader|heading|intro|button|expiry`).
 */
const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-button href="{{url}}">{{button}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{expiry}}</mj-text>
<mj-text font-size="13px" color="#525a66">{{fallback}}<br /><a href="{{url}}">{{url}}</a></mj-text>`;

const text = `{{heading}}\n\n{{intro}}\n\n{{button}}: {{url}}\n\n{{expiry}}`;

export function linkMail(prefix: string) {
  return {
    subjectKey: `${prefix}.subject`,
    body,
    text,
    /** Translation keys per placeholder; the rest (url, names) come from the message's data. */
    strings: {
      heading: `${prefix}.heading`,
      intro: `${prefix}.intro`,
      button: `${prefix}.button`,
      expiry: `${prefix}.expiry`,
      fallback: "mail.common.fallback",
      footerNote: "mail.common.footerNote",
      preheader: `${prefix}.preheader`,
    },
  };
}
