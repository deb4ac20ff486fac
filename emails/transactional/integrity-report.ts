/** The nightly integrity check found derived data that disagrees with its source: how much, and where to look. */
export const subjectKey = "admin.integrity.mail.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text>{{stockLine}}<br/>{{consentLine}}</mj-text>
<mj-text>{{notFixed}}</mj-text>
<mj-button href="{{url}}">{{action}}</mj-button>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{stockLine}}\n{{consentLine}}\n\n{{notFixed}}\n\n{{action}}: {{url}}`;

export const strings = {
  heading: "admin.integrity.mail.heading",
  intro: "admin.integrity.mail.intro",
  stockLine: "admin.integrity.mail.stockLine",
  consentLine: "admin.integrity.mail.consentLine",
  notFixed: "admin.integrity.mail.notFixed",
  action: "admin.integrity.mail.action",
  footerNote: "admin.integrity.mail.footerNote",
  preheader: "admin.integrity.mail.preheader",
};
