/** Applicant portal: the link that verifies a new account's address (decision 029). */
export const subjectKey = "mail.portalVerify.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-button href="{{url}}">{{button}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{expiry}}</mj-text>
<mj-text font-size="13px" color="#525a66">{{fallback}}<br /><a href="{{url}}">{{url}}</a></mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{button}}: {{url}}\n\n{{expiry}}`;

export const strings = {
  heading: "mail.portalVerify.heading",
  intro: "mail.portalVerify.intro",
  button: "mail.portalVerify.button",
  expiry: "mail.portalVerify.expiry",
  fallback: "mail.common.fallback",
  footerNote: "mail.common.footerNote",
  preheader: "mail.portalVerify.preheader",
};
