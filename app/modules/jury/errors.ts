import { DomainError, type ErrorParams } from "~/lib/errors";
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
  | "fileTooLarge"
  | "awardTaken"
  | "agreementNotFound";

const STATUS: Partial<Record<JuryErrorCode, number>> = { notFound: 404, conflicted: 403, fileTooLarge: 400 };

/** A refused jury operation; messageKey is shown to the person, status is the HTTP answer. */
export class JuryError extends DomainError<JuryErrorCode> {
  constructor(code: JuryErrorCode, field = "_form", params: ErrorParams = {}) {
    super({ code, field, params, messageKey: `jury.errors.${code}`, status: STATUS[code] ?? 409 });
  }
}
