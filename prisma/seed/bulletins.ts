/** Demo data for the bulletins area (called by prisma/seed.ts after users and contacts). Idempotent. */
export async function seedBulletins(): Promise<string> {
  return "bulletins: nothing to seed yet";
}
