import { describe, expect, it } from "vitest";
import { db, Prisma } from "~/lib/db.server";
import { boundedCount, decodeCursor, encodeCursor, EXACT_COUNT_LIMIT, likeContains, searchTerm } from "~/lib/paging.server";

describe("list conventions", () => {
  it("round-trips a cursor and rejects a forged one", () => {
    const cursor = encodeCursor(["2026-11-28T06:00:00.000Z", "abc"]);
    expect(decodeCursor(cursor, 2)).toEqual(["2026-11-28T06:00:00.000Z", "abc"]);
    expect(decodeCursor(cursor, 3)).toBeNull();
    expect(decodeCursor("not-base64-json", 2)).toBeNull();
    expect(decodeCursor(Buffer.from('[{"x":1}]').toString("base64url"), 1)).toBeNull();
  });

  it("makes ?q= blind to accents and case, and LIKE-safe", async () => {
    expect(searchTerm("  GARCÍA Núñez ")).toBe("garcia nunez");
    expect(likeContains("50%_off")).toBe("%50\\%\\_off%");
    const rows = await db.$queryRaw<Array<{ hit: boolean }>>`SELECT search_text('José García Núñez') LIKE ${likeContains(searchTerm("garcia nuñez")!)} AS hit`;
    expect(rows[0]?.hit).toBe(true);
  });

  it("counts exactly up to the limit and estimates above it", async () => {
    await db.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS paging_probe (n int)`);
    const from = Prisma.sql`generate_series(1, ${EXACT_COUNT_LIMIT + 5000}) AS g(n)`;
    const small = await boundedCount(Prisma.sql`generate_series(1, 1234) AS g(n)`);
    expect(small).toEqual({ value: 1234, exact: true });
    const atLimit = await boundedCount(Prisma.sql`generate_series(1, ${EXACT_COUNT_LIMIT}) AS g(n)`);
    expect(atLimit).toEqual({ value: EXACT_COUNT_LIMIT, exact: true });
    const big = await boundedCount(from);
    expect(big.exact).toBe(false);
    expect(big.value).toBeGreaterThan(EXACT_COUNT_LIMIT);
  });
});
