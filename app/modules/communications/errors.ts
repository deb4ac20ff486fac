import { DomainError } from "~/lib/errors";

export type CommunicationsErrorCode = "notFound" | "duplicateHandle" | "inactive" | "forbidden" | "account" | "monthClosed";

/** A communications refusal; "forbidden" is an access refusal (403), "notFound" a 404, the rest 409. */
export class CommunicationsError extends DomainError<CommunicationsErrorCode> {
  constructor(code: CommunicationsErrorCode, field?: string) {
    super({ code, messageKey: `communications.errors.${code}`, field, status: code === "forbidden" ? 403 : undefined });
  }
}
