import { DomainError } from "~/lib/errors";

export type EnquiryErrorCode = "forbidden";

/** An enquiries refusal; "forbidden" is an access refusal (403). */
export class EnquiryError extends DomainError<EnquiryErrorCode> {
  constructor(code: EnquiryErrorCode) {
    super({ code, messageKey: `enquiries.errors.${code}`, status: code === "forbidden" ? 403 : undefined });
  }
}
