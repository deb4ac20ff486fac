/** Demo data for the events area (called by prisma/seed.ts after users and contacts). Idempotent. */
export async function seedEvents(): Promise<string> {
  return "events: nothing to seed yet";
}
