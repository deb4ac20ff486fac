import type { LinksFunction } from "@remix-run/node";
import materialsStylesHref from "./materials.css?url";

/** The stylesheet of the materials pages (and the packing list's print rules). */
export const materialsLinks: LinksFunction = () => [{ rel: "stylesheet", href: materialsStylesHref }];
