/** Applicant portal: a member's invitation to join the organisation's account (decision 029). */
import { linkMail } from "./link-mail.ts";

export const { subjectKey, body, text, strings } = linkMail("mail.portalInvite");
