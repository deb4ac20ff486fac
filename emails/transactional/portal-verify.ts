/** Applicant portal: the link that verifies a new account's address (decision 029). */
import { linkMail } from "./link-mail.ts";

export const { subjectKey, body, text, strings } = linkMail("mail.portalVerify");
