/** A juror has evaluations to submit before the deadline. */
export const subjectKey = "jury.mail.reminder.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text font-weight="700">{{deadlineLine}}</mj-text>
<mj-button href="{{url}}">{{action}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{help}}</mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{deadlineLine}}\n\n{{action}}: {{url}}\n\n{{help}}`;

export const strings = {
  heading: "jury.mail.reminder.heading",
  intro: "jury.mail.reminder.intro",
  deadlineLine: "jury.mail.reminder.deadline",
  action: "jury.mail.reminder.action",
  help: "jury.mail.reminder.help",
  footerNote: "jury.mail.reminder.footerNote",
  preheader: "jury.mail.reminder.preheader",
};
