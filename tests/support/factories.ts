import { randomUUID } from "node:crypto";
import type { Role } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { hashPassword } from "~/modules/auth/password.server";

export const TEST_PASSWORD = "correct-horse-battery-staple";

let hashed: Promise<string> | undefined;

/** A unique e-mail per call, so test files can run in parallel on one database. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@alcance.test`;
}

/** A unique client address per call: the login rate limit is per IP. */
export function uniqueIp(): string {
  const n = Math.floor(Math.random() * 250) + 1;
  const m = Math.floor(Math.random() * 250) + 1;
  const o = Math.floor(Math.random() * 250) + 1;
  return `10.${n}.${m}.${o}`;
}

export async function createUser(opts: { role?: Role; email?: string; name?: string; password?: string | null; active?: boolean; locale?: string } = {}) {
  const role = opts.role ?? "COORDINATOR";
  const passwordHash =
    opts.password === null ? null : opts.password ? await hashPassword(opts.password) : await (hashed ??= hashPassword(TEST_PASSWORD));
  return db.user.create({
    data: {
      email: opts.email ?? uniqueEmail(role.toLowerCase()),
      name: opts.name ?? `Test ${role}`,
      role,
      passwordHash,
      active: opts.active ?? true,
      locale: opts.locale ?? "es",
    },
  });
}

/** A Request as the web server would pass it to a module function. */
export function fakeRequest(path = "/", init: { ip?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`http://localhost:3000${path}`, {
    headers: { "x-alcance-client-ip": init.ip ?? uniqueIp(), ...init.headers },
  });
}
