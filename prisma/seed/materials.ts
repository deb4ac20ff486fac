/** Demo data for the materials area (called by prisma/seed.ts after events). Idempotent. */
export async function seedMaterials(): Promise<string> {
  return "materials: nothing to seed yet";
}
