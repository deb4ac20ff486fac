/** Demo data for the monthly report (called last by prisma/seed.ts). Idempotent. */
export async function seedReports(): Promise<string> {
  return "reports: nothing to seed yet";
}
