import type { LinksFunction } from "@remix-run/node";
import contactDetailStylesHref from "~/styles/contact-detail.css?url";

/** The stylesheet of the contact pages (a contact, its edit form, merge, ARCO requests). */
export const contactDetailLinks: LinksFunction = () => [{ rel: "stylesheet", href: contactDetailStylesHref }];
