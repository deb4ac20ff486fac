export type JuryErrorCode =
  | "notFound"
  | "conflicted"
  | "conflictUnconfirmed"
  | "notOpenYet"
  | "deadlinePassed"
  | "juryClosed"
  | "alreadySubmitted"
  | "incomplete"
  | "outOfScale"
  | "notSubmitted"
  | "notJurorRole"
  | "nameRequired"
  | "alreadyDesignated"
  | "hasEvaluations"
  | "noJurors"
  | "invalidK"
  | "fileRejected"
  | "awardTaken"
  | "agreementNotFound";

const STATUS: Partial<Record<JuryErrorCode, number>> = { notFound: 404, conflicted: 403 };

/** A refused jury operation; messageKey is shown to the person, status is the HTTP answer. */
export class JuryError extends Error {
  readonly messageKey: string;
  readonly status: number;
  constructor(
    readonly code: JuryErrorCode,
    readonly field = "_form",
    readonly params: Record<string, string | number> = {},
  ) {
    super(`jury: ${code}`);
    this.messageKey = `jury.errors.${code}`;
    this.status = STATUS[code] ?? 409;
  }
}

/** For loaders: access refusals become 403/404 responses (nothing leaks, nothing changes). */
export function asResponse(error: unknown): never {
  if (error instanceof JuryError && (error.status === 403 || error.status === 404)) {
    throw new Response(error.status === 403 ? "Forbidden" : "Not found", { status: error.status });
  }
  throw error;
}
