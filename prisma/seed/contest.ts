/** Demo data for the contest area (called by prisma/seed.ts after partners). Idempotent. */
export async function seedContest(): Promise<string> {
  return "contest: nothing to seed yet";
}
