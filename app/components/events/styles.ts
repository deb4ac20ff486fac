import type { LinksFunction } from "@remix-run/node";
import eventsStylesHref from "./events.css?url";

/** The stylesheet of the events pages and the kiosk. */
export const eventsLinks: LinksFunction = () => [{ rel: "stylesheet", href: eventsStylesHref }];
