import { sendTransactionalMail } from "/work/main/app/modules/mail/mail.server.ts";
import { closeQueues } from "/work/main/jobs/queues.ts";
await sendTransactionalMail({ template: "invite", to: "nuevo@alcance.test", locale: "es", data: { name: "Nuevo", inviter: "Ana", role: "Jurado", url: "http://localhost:3000/invite/abc" } });
await closeQueues();
