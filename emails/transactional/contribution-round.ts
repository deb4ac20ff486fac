/** The coordinator opened the month's round: the contributor's sections, their due dates and links (decision 025). */
export const subjectKey = "contribute.mail.round.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text><div style="white-space:pre-line">{{sections}}</div></mj-text>
<mj-button href="{{url}}">{{action}}</mj-button>
<mj-text font-size="14px" color="#525a66">{{help}}</mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{sections}}\n\n{{action}}: {{url}}\n\n{{help}}`;

export const strings = {
  heading: "contribute.mail.round.heading",
  intro: "contribute.mail.round.intro",
  action: "contribute.mail.action",
  help: "contribute.mail.round.help",
  footerNote: "contribute.mail.footerNote",
  preheader: "contribute.mail.round.preheader",
};
