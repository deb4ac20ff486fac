/** Applicant portal: the one-time sign-in link (decision 029). */
import { linkMail } from "./link-mail.ts";

export const { subjectKey, body, text, strings } = linkMail("mail.portalMagic");
