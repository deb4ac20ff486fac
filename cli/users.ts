import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { z } from "zod";
import { db } from "../app/lib/db.server.ts";
import { ROLES } from "../app/modules/auth/permissions.ts";
import { PASSWORD_MIN_LENGTH } from "../app/modules/auth/password-rules.ts";
import { createUserWithPassword, UserExistsError } from "../app/modules/users/users.server.ts";
import { output, parse, type CliContext } from "./index.ts";

const createArgs = z.object({
  email: z.string().trim().email("--email must be a valid e-mail address"),
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(", ")}` }),
  name: z.string().trim().min(2, "--name must have at least 2 characters").optional(),
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("No terminal to ask the password on: use --password-stdin.");
  let muted = false;
  const silent = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

export async function usersCommand(ctx: CliContext): Promise<number> {
  const [command, ...rest] = ctx.args;
  if (command === "create") {
    const { values } = parse(rest, { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } });
    const parsed = createArgs.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(issue.message.startsWith("--") ? issue.message : `--${issue.path.join(".")}: ${issue.message}`);
      return 2;
    }
    const password = values["password-stdin"] ? await readStdin() : await askHidden("Password: ");
    if (password.length < PASSWORD_MIN_LENGTH) {
      console.error(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
      return 2;
    }
    const { email, role } = parsed.data;
    const name = parsed.data.name ?? email.split("@")[0]!;
    try {
      const user = await createUserWithPassword({ userId: null, ip: "cli" }, { email, role, name, password });
      output(ctx, { ok: true, id: user.id, email: user.email, role: user.role }, `Created ${user.role} ${user.email} (${user.id}).`);
      return 0;
    } catch (error) {
      if (error instanceof UserExistsError) {
        output(ctx, { ok: false, error: "exists", email }, error.message);
        return 1;
      }
      throw error;
    }
  }
  if (command === "list") {
    parse(rest, {});
    const users = await db.user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, role: true, active: true } });
    output(ctx, { ok: true, users }, users.map((u) => `${u.role.padEnd(15)} ${u.active ? "active  " : "inactive"} ${u.email}  ${u.name}`).join("\n"));
    return 0;
  }
  console.error('Unknown users command. Try "npx alcance help".');
  return 2;
}
