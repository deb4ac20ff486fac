import type { MoveRefusal } from "./rules";

export type ContestErrorCode =
  | "notFound"
  | "submissionNotFound"
  | "datesOrder"
  | "rubricLocked"
  | "rubricInvalid"
  | "requirementInUse"
  | "adminOnly"
  | "partnerNotFound"
  | "partnerNotCivilSociety"
  | "personNotFound"
  | "orgNameTaken"
  | "notLate"
  | "alreadyAccepted"
  | "reviewClosed"
  | "correctionOpen"
  | "correctionNotFound"
  | "correctionClosed"
  | "itemsRequired"
  | "deadlinePast"
  | "folioTaken"
  | MoveRefusal;

/** A refused operation; messageKey is shown to the person, field says where. */
export class ContestError extends Error {
  readonly messageKey: string;
  constructor(
    readonly code: ContestErrorCode,
    readonly field = "_form",
    readonly params: Record<string, string | number> = {},
    messageKey?: string,
  ) {
    super(`contest: ${code}`);
    this.messageKey = messageKey ?? `contest.errors.${code}`;
  }
}
