/**
 * Any path no other route takes: a 404 inside the app (root's loader runs, so the page keeps the
 * navigation and its words in the reader's language, in the browser too — without this route the
 * router renders root's boundary with no loader data and the browser has no messages).
 */
export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

export function action(): never {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
