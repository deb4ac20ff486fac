import { SMTPServer } from "smtp-server";
import { storeRawMessage } from "./outbox.server";

/**
 * A development and test SMTP server: accepts everything on loopback and stores it in
 * PostgreSQL, so every process (web, worker, tests) sees the same outbox.
 */
export async function startOutboxSmtpServer(port: number, host = "127.0.0.1"): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 25 * 1024 * 1024,
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
