/**
 * A page's own markup without its inline scripts. The HTML of every page also carries the
 * translations of its area (decision 028) inside Remix's data script, so a test that asserts a
 * page does NOT show a label ("Editar reunión") reads the markup, not the catalogue.
 */
export function markup(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
}
