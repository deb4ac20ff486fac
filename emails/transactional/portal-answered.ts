/** Applicant portal: tells the reviewer who asked for a correction that the organisation answered it. */
export const subjectKey = "mail.portalAnswered.subject";

export const body = `<mj-text font-size="22px" font-weight="700">{{heading}}</mj-text>
<mj-text>{{intro}}</mj-text>
<mj-text font-size="14px" color="#525a66">{{where}}</mj-text>`;

export const text = `{{heading}}\n\n{{intro}}\n\n{{where}}`;

export const strings = {
  heading: "mail.portalAnswered.heading",
  intro: "mail.portalAnswered.intro",
  where: "mail.portalAnswered.where",
  footerNote: "mail.common.footerNote",
  preheader: "mail.portalAnswered.preheader",
};
