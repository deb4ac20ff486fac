/** An ADMIN reopened a juror's submitted evaluation: what, why, until when, and the link. */
export const subjectKey = "jury.mail.reopened.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text><strong>{{projectLabel}}</strong> {{project}}</mj-text>
<mj-text><strong>{{reasonLabel}}</strong><div style="white-space:pre-line">{{reason}}</div></mj-text>
<mj-text font-weight="700">{{deadlineLine}}</mj-text>
<mj-button href="{{url}}">{{action}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{ignore}}</mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{projectLabel}} {{project}}\n{{reasonLabel}} {{reason}}\n\n{{deadlineLine}}\n\n{{action}}: {{url}}\n\n{{ignore}}`;

export const strings = {
  heading: "jury.mail.reopened.heading",
  intro: "jury.mail.reopened.intro",
  projectLabel: "jury.mail.reopened.projectLabel",
  reasonLabel: "jury.mail.reopened.reasonLabel",
  deadlineLine: "jury.mail.reopened.deadline",
  action: "jury.mail.reopened.action",
  ignore: "jury.mail.reopened.ignore",
  footerNote: "jury.mail.reopened.footerNote",
  preheader: "jury.mail.reopened.preheader",
};
