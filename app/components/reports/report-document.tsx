import type { ReactNode } from "react";
import type { Block, ReportDocument } from "~/modules/reports/document";

/** The report's blocks as HTML; after each section's content, `after(section)` may add something (the narrative editor). */
export function ReportDocumentView({ doc, after, annexLinks }: { doc: ReportDocument; after?: (section: string) => ReactNode; annexLinks?: (id: string) => ReactNode }) {
  const out: ReactNode[] = [];
  let current: string | null = null;
  const close = (key: string) => {
    const extra = current && after ? after(current) : null;
    if (extra) out.push(<div key={`after-${current}-${key}`}>{extra}</div>);
    current = null;
  };
  doc.blocks.forEach((b: Block, i) => {
    if (b.type === "heading") {
      close(String(i));
      if (b.id?.startsWith("section-")) current = b.id.slice("section-".length);
      const Tag = (`h${b.level + 1}` as "h2" | "h3" | "h4");
      out.push(
        <Tag key={i} id={b.id}>
          {b.text}
        </Tag>,
      );
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
    } else {
      out.push(
        <div key={i} className="table-wrap report-annex">
          <table id={`annex-${b.id}`}>
            <caption>
              {b.caption} {annexLinks ? annexLinks(b.id) : null}
            </caption>
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
  close("end");
  return (
    <article className="report-doc" lang="es-MX">
      <header className="report-doc__cover">
        <p className="muted">{doc.subtitle}</p>
        <h2 className="report-doc__title">{doc.title}</h2>
        <p className="report-doc__month">{doc.monthLabel}</p>
        <p className="report-doc__status">{doc.status}</p>
      </header>
      {out}
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
