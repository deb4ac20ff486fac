/** A refused change in the meetings area: messageKey is shown next to `field` (or the form's top). */
import { DomainError } from "~/lib/errors";
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

export class MeetingError extends DomainError<MeetingErrorCode> {
  constructor(
    code: MeetingErrorCode,
    readonly existingId?: string,
  ) {
    super({ code, messageKey: `meetings.errors.${code}`, field: FIELDS[code] ?? "_form" });
  }
}
