/** Staff: the invitation to set a password and come in. */
import { linkMail } from "./link-mail.ts";

export const { subjectKey, body, text, strings } = linkMail("mail.invite");
