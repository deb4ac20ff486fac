import { SendLinkPage } from "~/components/portal/send-link";
import { retryAfterHeaders } from "~/components/portal/retry-after";
import { sendLinkAction, sendLinkLoader } from "~/components/portal/send-link.server";
import { pageTitle } from "~/i18n/meta";
import { requestReset } from "~/modules/portal/index.server";

export const headers = retryAfterHeaders;
export const meta = pageTitle("portal.forgot.title");
export const loader = sendLinkLoader;
/** Public: one answer whether or not an account has the address. */
export const action = sendLinkAction(requestReset);

export default function ForgotPage() {
  return <SendLinkPage words="forgot" />;
}
