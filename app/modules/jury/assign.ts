/**
 * Balanced assignment, pure: each project to k jurors, never to a conflicted juror, the load spread
 * as evenly as the conflicts allow. Fixed pairs (an evaluation already exists) are kept and count.
 */
export type AssignPlanInput = {
  submissionIds: readonly string[];
  jurorIds: readonly string[];
  k: number;
  /** "submissionId:userId" pairs that must never be assigned. */
  conflicts: ReadonlySet<string>;
  /** Pairs that must stay (evaluations started). */
  fixed: ReadonlyArray<{ submissionId: string; userId: string }>;
};

export type AssignPlan = { pairs: Array<{ submissionId: string; userId: string }>; short: string[] };

export function planBalanced(input: AssignPlanInput): AssignPlan {
  const load = new Map(input.jurorIds.map((id) => [id, 0]));
  const pairs: Array<{ submissionId: string; userId: string }> = [];
  const taken = new Set<string>();
  for (const f of input.fixed) {
    if (!load.has(f.userId)) continue;
    pairs.push(f);
    taken.add(`${f.submissionId}:${f.userId}`);
    load.set(f.userId, (load.get(f.userId) ?? 0) + 1);
  }
  const short: string[] = [];
  // Projects with the fewest eligible jurors choose first, so the constrained ones are served.
  const eligible = (s: string) => input.jurorIds.filter((u) => !input.conflicts.has(`${s}:${u}`));
  const order = [...input.submissionIds].sort((a, b) => eligible(a).length - eligible(b).length || a.localeCompare(b));
  for (const s of order) {
    let have = pairs.filter((p) => p.submissionId === s).length;
    const candidates = eligible(s)
      .filter((u) => !taken.has(`${s}:${u}`))
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || input.jurorIds.indexOf(a) - input.jurorIds.indexOf(b));
    for (const u of candidates) {
      if (have >= input.k) break;
      pairs.push({ submissionId: s, userId: u });
      taken.add(`${s}:${u}`);
      load.set(u, (load.get(u) ?? 0) + 1);
      have++;
    }
    if (have < input.k) short.push(s);
  }
  return { pairs, short };
}
