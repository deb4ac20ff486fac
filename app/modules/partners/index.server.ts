/** What other areas use from partners: the home dashboard and the monthly report. */
export { listFollowUpsDue, listMyFollowUps, type MyFollowUp } from "./follow-ups.server";
export { partnerFiguresForMonth, type MonthFigures } from "./figures.server";
export { listAgreementAlerts } from "./partner.server";
