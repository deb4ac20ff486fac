/** A refused change in the meetings area: messageKey is shown next to `field` (or the form's top). */
export type MeetingErrorCode =
  | "notFound"
  | "partnerNotFound"
  | "duplicateParticipant"
  | "agreementNotFound"
  | "numberTaken"
  | "sessionNotFound"
  | "notASession"
  | "hasAgreements"
  | "agreementInUse"
  | "jurorNotFound";

const FIELDS: Partial<Record<MeetingErrorCode, string>> = {
  partnerNotFound: "partnerIds",
  duplicateParticipant: "partnerIds",
  numberTaken: "number",
  sessionNotFound: "meetingId",
  notASession: "meetingId",
  hasAgreements: "kind",
  jurorNotFound: "memberIds",
};

export class MeetingError extends Error {
  readonly messageKey: string;
  readonly field: string;
  constructor(
    readonly code: MeetingErrorCode,
    readonly existingId?: string,
  ) {
    super(`meetings: ${code}`);
    this.messageKey = `meetings.errors.${code}`;
    this.field = FIELDS[code] ?? "_form";
  }
}
