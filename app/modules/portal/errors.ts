import { DomainError } from "~/lib/errors";

export type PortalErrorCode =
  | "notFound"
  | "closed"
  | "invalidCredentials"
  | "notVerified"
  | "rateLimited"
  | "tokenInvalid"
  | "noOrganisation"
  | "hasOrganisation"
  | "alreadySubmitted"
  | "titleRequired"
  | "documentsRequired"
  | "quotaExceeded"
  | "correctionClosed"
  | "correctionPast"
  | "filesRequired"
  | "alreadyConfirmed"
  | "slugTaken"
  | "membersFull"
  | "otherOrganisation"
  | "passwordShort";

/** A refusal of the applicant portal; `portal.errors.<code>` says why in the reader's language. */
export class PortalError extends DomainError<PortalErrorCode> {
  constructor(code: PortalErrorCode, field = "_form", params: Record<string, string | number> = {}) {
    super({ code, messageKey: `portal.errors.${code}`, field, params, status: code === "rateLimited" ? 429 : undefined });
  }
}
