/**
 * Demo data: one user per role and the November 2017 figures as later areas land.
 * Idempotent: running it twice changes nothing. Refuses to run in production.
 */
import "dotenv/config";
import { db } from "../app/lib/db.server.ts";
import { hashPassword } from "../app/modules/auth/password.server.ts";
import { DEFAULT_SETTINGS } from "../app/modules/settings/settings.server.ts";
import type { Role } from "../app/generated/prisma/client.ts";

export const DEFAULT_SEED_PASSWORD = "alcance-demo-2017";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "admin@alcance.test", name: "Ana Administradora", role: "ADMIN" },
  { email: "coordinacion@alcance.test", name: "Carlos Coordinador", role: "COORDINATOR" },
  { email: "comunicacion@alcance.test", name: "Citlali Comunicación", role: "COMMUNICATIONS" },
  { email: "jurado1@alcance.test", name: "Dra. Julia Jurado", role: "JUROR" },
  { email: "jurado2@alcance.test", name: "Mtro. Jorge Jurado", role: "JUROR" },
  { email: "jurado3@alcance.test", name: "Lic. Josefina Jurado", role: "JUROR" },
];

const PRIVACY_NOTICE_V1 = `Aviso de privacidad simplificado. El Instituto Nacional Electoral, a través de la oficina de promoción del Voto de los Mexicanos Residentes en el Extranjero, utiliza tus datos de contacto únicamente para enviarte información sobre la credencialización y el voto desde el extranjero. Puedes ejercer tus derechos de acceso, rectificación, cancelación y oposición (ARCO) y darte de baja en cualquier momento desde el enlace incluido en cada boletín.`;

async function main() {
  if (process.env.NODE_ENV === "production") {
    console.error("The demo seed refuses to run with NODE_ENV=production.");
    process.exit(1);
  }
  const password = process.env.SEED_PASSWORD || DEFAULT_SEED_PASSWORD;
  let created = 0;
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email } });
    if (existing) continue;
    await db.user.create({ data: { ...demo, passwordHash: await hashPassword(password), locale: "es" } });
    created++;
  }
  await db.settings.upsert({ where: { id: 1 }, create: { id: 1, ...DEFAULT_SETTINGS }, update: {} });
  const notice = await db.privacyNotice.findFirst();
  if (!notice) await db.privacyNotice.create({ data: { version: 1, text: PRIVACY_NOTICE_V1 } });
  console.error(`[seed] users: ${created} created, ${DEMO_USERS.length - created} already present`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
