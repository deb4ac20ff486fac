/**
 * Public forms whose answer must not reveal whether an address is known (the kiosk, the applicant
 * portal) answer no sooner than a floor, so the work done for a known address does not show in
 * the response time.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` and answers no sooner than `minMs` (plus a little jitter) after it started. */
export async function withMinimumDuration<T>(minMs: number, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    const remaining = minMs + Math.floor(Math.random() * 50) - (Date.now() - started);
    if (remaining > 0) await sleep(remaining);
  }
}
