import portalStylesHref from "./portal.css?url";

/** The portal pages' stylesheet (the layout route links it). */
export const portalStyles = [{ rel: "stylesheet", href: portalStylesHref }];
