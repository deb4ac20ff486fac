import { Form, Link } from "@remix-run/react";

/** «Editar» (the page with ?edit=1) and «Eliminar…» (a post that only asks first: decision 023). */
export function RecordActions({ editLabel, deleteLabel, busy }: { editLabel: string; deleteLabel: string; busy: boolean }) {
  return (
    <>
      <Link to="?edit=1" className="button">
        {editLabel}
      </Link>
      <Form method="post">
        <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
          {deleteLabel}
        </button>
      </Form>
    </>
  );
}
