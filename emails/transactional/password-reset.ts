/** Staff: the link that resets a password. */
import { linkMail } from "./link-mail.ts";

export const { subjectKey, body, text, strings } = linkMail("mail.passwordReset");
