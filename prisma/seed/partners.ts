/** Demo data for the partners area (called by prisma/seed.ts after users and contacts). Idempotent. */
export async function seedPartners(): Promise<string> {
  return "partners: nothing to seed yet";
}
