/**
 * The Remix route id a request is for ("routes/contacts.$id"), for metrics and logs: a raw path
 * would name every contact's page apart (unbounded label values) and may carry a token
 * (/reset-password/…). Single-fetch data requests ("/contacts.data", "/_root.data") are matched
 * without the suffix; what matches no route is "unmatched".
 */
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import type { ServerBuild } from "@remix-run/node";

type RouteTree = AgnosticRouteObject[];

function routeTree(build: ServerBuild): RouteTree {
  const byParent = new Map<string | undefined, ServerBuild["routes"][string][]>();
  for (const route of Object.values(build.routes)) {
    const list = byParent.get(route.parentId) ?? [];
    list.push(route);
    byParent.set(route.parentId, list);
  }
  const children = (parentId: string | undefined): RouteTree =>
    (byParent.get(parentId) ?? []).map((route) =>
      route.index ? { id: route.id, index: true, path: route.path } : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: children(route.id) },
    );
  return children(undefined);
}

/** A function from a request path to its route id, for one build. */
export function routeIdResolver(build: ServerBuild): (pathname: string) => string {
  const tree = routeTree(build);
  return (pathname) => {
    if (pathname === "/__manifest") return "__manifest";
    let path = pathname;
    if (path === "/_root.data") path = "/";
    else if (path.endsWith(".data")) path = path.slice(0, -".data".length);
    const matches = matchRoutes(tree, path);
    if (!matches?.length) return "unmatched";
    // The deepest match names the page (for "/contacts" that is the index route, as Remix picks).
    return matches[matches.length - 1]?.route.id ?? "unmatched";
  };
}
