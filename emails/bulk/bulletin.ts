/**
 * The bulk (bulletin) template: the shared layout with a footer that every bulk message must
 * carry — the institution's name and postal address, the privacy notice link and the
 * unsubscribe link. Footer labels are filled in at compile time (the bulletin's language); the
 * {{placeholders}} are merged per recipient.
 */
export const name = "bulletin";

export const footer = `<mj-divider border-width="1px" border-color="#d5d9e0" padding="0 0 12px 0" />
<mj-text font-size="12px" color="#525a66">{{institutionName}}<br />{{postalAddress}}</mj-text>
<mj-text font-size="12px" color="#525a66">[[why]]</mj-text>
<mj-text font-size="12px" color="#525a66"><a href="{{unsubscribeUrl}}" style="color:#525a66">[[unsubscribe]]</a> · <a href="{{privacyUrl}}" style="color:#525a66">[[privacy]]</a></mj-text>`;

export const textFooter = `--\n{{institutionName}}\n{{postalAddress}}\n\n[[why]]\n[[unsubscribe]]: {{unsubscribeUrl}}\n[[privacy]]: {{privacyUrl}}`;

/** Translation keys of the [[labels]] above. */
export const labels = {
  why: "bulletins.email.why",
  unsubscribe: "bulletins.email.unsubscribe",
  privacy: "bulletins.email.privacy",
};
