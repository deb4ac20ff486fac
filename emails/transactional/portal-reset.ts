/** Applicant portal: the link that resets an account password (decision 029). */
import { linkMail } from "./link-mail.ts";

export const { subjectKey, body, text, strings } = linkMail("mail.portalReset");
