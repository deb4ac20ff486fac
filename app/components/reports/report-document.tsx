import type { ReactNode } from "react";
import type { Block, ReportDocument } from "~/modules/reports";

type HeadingTag = "h2" | "h3" | "h4" | "h5" | "h6";

/** "2.1.4. Oficina de …", "Anexo 2. …" or the bare title of an unnumbered section. */
export const headingLabel = (b: { number: string | null; text: string }) => (b.number ? `${b.number}. ${b.text}` : b.text);

/**
 * The report's blocks as HTML (the page; the print view and DOCX render the same model on their
 * own). Per section (outline key), `before(key)` may add something under its heading (state badges,
 * the review flag) and `after(key)` after its content (the editor). Headings are real h2–h6 (the
 * page's h1 is its title): depth 1 is h2.
 */
export function ReportDocumentView({
  doc,
  before,
  after,
  pendingLabel = "Pendiente",
}: {
  doc: ReportDocument;
  before?: (section: string) => ReactNode;
  after?: (section: string) => ReactNode;
  pendingLabel?: string;
}) {
  const out: ReactNode[] = [];
  let current: string | null = null;
  const close = () => {
    const extra = current && after ? after(current) : null;
    if (extra) out.push(<div key={`after-${current}`}>{extra}</div>);
    current = null;
  };
  doc.blocks.forEach((b: Block, i) => {
    if (b.type === "heading") {
      close();
      current = b.id;
      const Tag = `h${Math.min(6, b.level + 1)}` as HeadingTag;
      out.push(
        <Tag key={`h-${b.id}`} id={b.id} className={b.review ? "report-heading report-heading--review" : "report-heading"}>
          {headingLabel(b)}
        </Tag>,
      );
      const extra = before ? before(b.id) : null;
      if (extra) out.push(<div key={`before-${b.id}`}>{extra}</div>);
    } else if (b.type === "paragraph") {
      out.push(
        <p key={i} className={b.narrative ? "report-narrative" : undefined}>
          {b.text}
        </p>,
      );
    } else if (b.type === "bullets") {
      out.push(
        <ul key={i}>
          {b.items.map((item, j) => (
            <li key={j}>{item}</li>
          ))}
        </ul>,
      );
    } else if (b.type === "pending") {
      out.push(
        <p key={i} className="report-pending">
          <span className="sr-only">{pendingLabel}: </span>
          {b.text}
        </p>,
      );
    } else {
      out.push(
        <div key={i} className="table-wrap report-annex">
          <table id={`table-${b.id}`}>
            <caption>{b.caption}</caption>
            <thead>
              <tr>
                {b.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.length === 0 ? (
                <tr>
                  <td colSpan={b.headers.length}>Sin registros en el mes.</td>
                </tr>
              ) : (
                b.rows.map((r, j) => (
                  <tr key={j}>
                    {r.map((v, k) => (
                      <td key={k}>{v}</td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>,
      );
    }
  });
  close();
  return (
    <article className="report-doc" lang="es-MX">
      <header className="report-doc__cover">
        <p className="muted">{doc.subtitle}</p>
        <h2 className="report-doc__title">{doc.title}</h2>
        <p className="report-doc__month">{doc.monthLabel}</p>
        <p className="report-doc__status">{doc.status}</p>
      </header>
      {doc.toc.length ? (
        <nav className="report-doc__toc" aria-label="Contenido">
          <p className="report-doc__toc-title">Contenido</p>
          <ol>
            {doc.toc.map((t) => (
              <li key={t.id} style={{ paddingInlineStart: `${Math.max(0, t.level - 1)}rem` }}>
                <a href={`#${t.id}`}>{headingLabel(t)}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {out}
      {doc.annexes.length ? (
        <section className="report-doc__annexes" aria-label="Anexos">
          <p className="report-doc__toc-title">Anexos</p>
          <ul>
            {doc.annexes.map((a) => (
              <li key={a.id}>
                <a href={`#${a.id}`}>{`${a.number}. ${a.title}`}</a>
                {a.pending ? ` (${pendingLabel.toLowerCase()})` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {doc.approval ? (
        <div className="table-wrap report-doc__approval">
          <table>
            <tbody>
              <tr>
                <th scope="row">Acuerdo</th>
                <td>
                  <strong>{`${doc.approval.agreement}: ${doc.approval.adoptedOn}`}</strong>{" "}
                  {doc.approval.text}
                </td>
              </tr>
              {doc.approval.vote ? (
                <tr>
                  <th scope="row">Sentido del voto</th>
                  <td>{doc.approval.vote}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
      <section className="report-doc__signatures">
        {doc.signature.map((s) => (
          <div key={s.role}>
            <strong>{s.role}</strong>
            <div className="report-doc__line" />
            {s.name || "Nombre y firma"}
          </div>
        ))}
      </section>
    </article>
  );
}
