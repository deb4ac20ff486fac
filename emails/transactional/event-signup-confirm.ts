/**
 * The double opt-in after a kiosk sign-up at an event: one button confirms the subscription.
 * Anyone can type any address at a kiosk, so the mail repeats nothing typed there (no name).
 */
export const subjectKey = "events.mail.confirm.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-button href="{{url}}">{{button}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{expiry}}</mj-text>
<mj-text font-size="13px" color="#525a66">{{fallback}}<br /><a href="{{url}}">{{url}}</a></mj-text>
<mj-text font-size="13px" color="#525a66">{{notice}}<br /><a href="{{noticeUrl}}">{{noticeUrl}}</a></mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{button}}: {{url}}\n\n{{expiry}}\n\n{{notice}}\n{{noticeUrl}}`;

/**
 * Translation keys per placeholder; the rest (eventName, url, and the privacy notice line and link:
 * the version the visitor accepted, in the mail's language or saying it is Spanish only) come from
 * the worker.
 */
export const strings = {
  heading: "events.mail.confirm.greeting",
  intro: "events.mail.confirm.intro",
  button: "events.mail.confirm.button",
  expiry: "events.mail.confirm.expiry",
  fallback: "mail.common.fallback",
  footerNote: "events.mail.confirm.footerNote",
  preheader: "events.mail.confirm.preheader",
};
