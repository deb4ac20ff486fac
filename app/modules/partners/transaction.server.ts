import type { DomainError } from "~/lib/errors";
import { db, Prisma } from "~/lib/db.server";

/**
 * Runs `work` in one transaction. The checks inside it (name or number taken, participant listed
 * twice) answer the common case; a unique index violated by a concurrent write is the same refusal,
 * so it becomes `refusal()` rather than a 500.
 */
export async function transactionOr<T>(refusal: () => DomainError, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw refusal();
    throw error;
  }
}
