/** The worker's reminder, 3 days and 1 day before a section's due date (decision 025). */
export const subjectKey = "contribute.mail.reminder.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text><div style="white-space:pre-line">{{sections}}</div></mj-text>
<mj-button href="{{url}}">{{action}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{help}}</mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{sections}}\n\n{{action}}: {{url}}\n\n{{help}}`;

export const strings = {
  heading: "contribute.mail.reminder.heading",
  intro: "contribute.mail.reminder.intro",
  action: "contribute.mail.action",
  help: "contribute.mail.reminder.help",
  footerNote: "contribute.mail.footerNote",
  preheader: "contribute.mail.reminder.preheader",
};
