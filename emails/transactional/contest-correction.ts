/** A correction request ("subsane") to a contest applicant: the items to correct and the deadline. */
export const subjectKey = "contest.mail.correction.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text font-weight="700">{{itemsTitle}}</mj-text>
<mj-text><div style="white-space:pre-line">{{items}}</div></mj-text>
<mj-text><div style="white-space:pre-line">{{message}}</div></mj-text>
<mj-text font-weight="700">{{deadlineLine}}</mj-text>
<mj-text font-size="14px" color="#525a66">{{howTo}}</mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{itemsTitle}}\n{{items}}\n\n{{message}}\n\n{{deadlineLine}}\n\n{{howTo}}`;

/** Translation keys per placeholder; the rest (items, message, names, deadline) come from the data. */
export const strings = {
  heading: "contest.mail.correction.heading",
  intro: "contest.mail.correction.intro",
  itemsTitle: "contest.mail.correction.itemsTitle",
  deadlineLine: "contest.mail.correction.deadline",
  howTo: "contest.mail.correction.howTo",
  footerNote: "contest.mail.correction.footerNote",
  preheader: "contest.mail.correction.preheader",
};
