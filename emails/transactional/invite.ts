export const subjectKey = "mail.invite.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-button href="{{url}}">{{button}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{expiry}}</mj-text>
<mj-text font-size="13px" color="#525a66">{{fallback}}<br /><a href="{{url}}">{{url}}</a></mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{button}}: {{url}}\n\n{{expiry}}`;

/** Translation keys per placeholder; the rest come from the message's data. */
export const strings = {
  heading: "mail.invite.heading",
  intro: "mail.invite.intro",
  button: "mail.invite.button",
  expiry: "mail.invite.expiry",
  fallback: "mail.common.fallback",
  footerNote: "mail.common.footerNote",
  preheader: "mail.invite.preheader",
};
