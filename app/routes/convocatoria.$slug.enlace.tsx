import { SendLinkPage } from "~/components/portal/send-link";
import { retryAfterHeaders } from "~/components/portal/retry-after";
import { sendLinkAction, sendLinkLoader } from "~/components/portal/send-link.server";
import { pageTitle } from "~/i18n/meta";
import { requestMagicLink } from "~/modules/portal/index.server";

export const headers = retryAfterHeaders;
export const meta = pageTitle("portal.magic.title");
export const loader = sendLinkLoader;
/** Public: «send me a link», one answer whether or not an account has the address. */
export const action = sendLinkAction(requestMagicLink);

export default function MagicLinkPage() {
  return <SendLinkPage words="magic" />;
}
