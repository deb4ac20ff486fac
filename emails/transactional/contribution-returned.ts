/** The coordinator sent a section back with a note (decision 025). */
export const subjectKey = "contribute.mail.returned.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text font-weight="700">{{noteLabel}}</mj-text>
<mj-text><div style="white-space:pre-line">{{note}}</div></mj-text>
<mj-text>{{dueLine}}</mj-text>
<mj-button href="{{url}}">{{action}}</mj-button>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{noteLabel}}\n{{note}}\n\n{{dueLine}}\n\n{{action}}: {{url}}`;

export const strings = {
  heading: "contribute.mail.returned.heading",
  intro: "contribute.mail.returned.intro",
  noteLabel: "contribute.mail.returned.noteLabel",
  dueLine: "contribute.mail.returned.due",
  action: "contribute.mail.returned.action",
  footerNote: "contribute.mail.footerNote",
  preheader: "contribute.mail.returned.preheader",
};
