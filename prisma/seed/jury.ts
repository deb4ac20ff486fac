/** Demo data for the jury area (called by prisma/seed.ts after the contest). Idempotent. */
export async function seedJury(): Promise<string> {
  return "jury: nothing to seed yet";
}
