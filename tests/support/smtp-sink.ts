/**
 * The test run's SMTP sink: the development outbox server (stores every message in the test
 * database) that can also refuse chosen recipients, so tests can see temporary and permanent
 * failures. The recipient's local part decides:
 *   …+smtp451x<N>@…  answers "451 4.3.0 try again later" to the first N attempts, then accepts;
 *   …+smtp550@…      answers "550 5.1.1 user unknown" (a hard bounce);
 *   …+smtp554@…      answers "554 5.7.1 message refused" (permanent, not a bounce).
 * Every other address behaves exactly like startOutboxSmtpServer().
 */
import { SMTPServer } from "smtp-server";
import { storeRawMessage } from "~/modules/mail/outbox.server";

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, message: string): SmtpError {
  const error: SmtpError = new Error(message);
  error.responseCode = code;
  return error;
}

export async function startTestSmtpSink(port = 0, host = "127.0.0.1"): Promise<{ port: number; close(): Promise<void> }> {
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 25 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const email = address.address.toLowerCase();
      const transient = /\+smtp451x(\d+)@/.exec(email);
      if (transient) {
        const seen = (attempts.get(email) ?? 0) + 1;
        attempts.set(email, seen);
        if (seen <= Number(transient[1])) return callback(smtpError(451, "4.3.0 Try again later"));
      }
      if (email.includes("+smtp550@")) return callback(smtpError(550, "5.1.1 <" + email + ">: Recipient address rejected: User unknown"));
      if (email.includes("+smtp554@")) return callback(smtpError(554, "5.7.1 Message refused"));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        };
        storeRawMessage(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { port: actualPort, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
