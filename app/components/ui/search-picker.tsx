/**
 * A search picker (combobox) for choosing one record out of thousands without sending them all:
 * a text input that asks a small JSON resource route for ~20 matches at a time (paged by key),
 * with the WAI-ARIA combobox wiring (listbox, active option, arrows/Enter/Escape, a polite count).
 *
 *   <SearchPicker name="parentId" source="/partners/options" label={t("partners.fields.parent")}
 *     defaultValue={parent ? { id: parent.id, label: parent.name } : null} error={errors.parentId} />
 *   <SearchPicker name="toLocationId" source="/materials/locations/options" params={{ kind: "WAREHOUSE" }} … />
 *
 * What it posts, under `name`: the chosen record's id; or, when the person typed without choosing,
 * the text as typed — the area's module resolves it (an id, or where the area allows it an exact
 * name) and answers with its «does not exist» message. Without JavaScript (before hydration) it is
 * that plain input: the default shows its `noScriptValue` (the id unless the area resolves names).
 *
 * The resource route answers `{ items: [{ id, label, detail? }], next }` (app/lib/options.server.ts):
 * `next` is the cursor of the following page («Más resultados…» asks for it).
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "~/i18n/use-t";
import { FieldError, type FieldBaseProps } from "./fields";

export type PickerItem = { id: string; label: string; detail?: string | null };
export type PickerPage = { items: PickerItem[]; next: string | null };

type Props = Omit<FieldBaseProps, "meta"> & {
  /** The resource route (e.g. "/partners/options"). */
  source: string;
  /** Extra query parameters for the route (a kind, an id to leave out…). */
  params?: Record<string, string>;
  /** The record chosen when the form opens. */
  defaultValue?: PickerItem | null;
  /** Text as posted last time (a failed post echoes it): shown instead of the default. */
  echo?: string;
  /** What the plain input (no JavaScript) holds for the default: its id unless the area resolves names. */
  noScriptValue?: "id" | "label";
  placeholder?: string;
  /** The label is read by screen readers but not shown (a row of a table with a header). */
  hideLabel?: boolean;
  disabled?: boolean;
  /** Marks the input invalid when the error is shown elsewhere (one line under a group of pickers). */
  invalid?: boolean;
  /** Ids of text outside the field that describes it (a group's hint or error). */
  describedBy?: string;
};

const DEBOUNCE_MS = 180;

export function SearchPicker(props: Props) {
  const { name = "", idPrefix = "field", label, hint, error, errorParams, required, wide, className, source, params, defaultValue, echo, noScriptValue = "id", placeholder, hideLabel, disabled, invalid } = props;
  const t = useT();
  const id = props.id ?? `${idPrefix}-${name}`;
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionPrefix = `${useId().replace(/:/g, "")}-opt`;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const [picked, setPicked] = useState<PickerItem | null>(echo !== undefined && echo !== defaultValue?.id ? null : (defaultValue ?? null));
  const [text, setText] = useState(echo !== undefined && echo !== defaultValue?.id ? echo : (defaultValue?.label ?? ""));
  const [items, setItems] = useState<PickerItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const abort = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const query = JSON.stringify(params ?? {});

  const load = useCallback(
    async (q: string, after: string | null) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const search = new URLSearchParams({ ...(JSON.parse(query) as Record<string, string>), q });
      if (after) search.set("after", after);
      setState("loading");
      try {
        const res = await fetch(`${source}?${search}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const page = (await res.json()) as PickerPage;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setNext(page.next);
        setActive((a) => (after ? a : page.items.length ? 0 : -1));
        setState("idle");
        setOpen(true);
      } catch (e) {
        if ((e as Error).name !== "AbortError") setState("failed");
      }
    },
    [source, query],
  );

  useEffect(
    () => () => {
      abort.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(q.trim(), null), DEBOUNCE_MS);
  };

  const choose = (item: PickerItem) => {
    setPicked(item);
    setText(item.label);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        void load(picked ? "" : text.trim(), null);
        return;
      }
      const last = items.length - 1;
      if (last < 0) return;
      // Past the last option the next page comes in (keyboard users reach «more» this way).
      if (e.key === "ArrowDown" && active >= last && next) {
        setActive(last + 1);
        void load(picked ? "" : text.trim(), next);
        return;
      }
      setActive((a) => (e.key === "ArrowDown" ? (a >= last ? 0 : a + 1) : a <= 0 ? last : a - 1));
    } else if (e.key === "Enter") {
      // Enter picks the active option; with the list closed it submits the form as usual.
      if (open && active >= 0 && items[active]) {
        e.preventDefault();
        choose(items[active]!);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    }
  };

  const describedBy = [props.describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const isInvalid = error || invalid ? true : undefined;
  const classes = ["field", "ui-picker", wide ? "field--wide" : "", className ?? ""].filter(Boolean).join(" ");
  const labelNode = (
    <label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
  const hintNode = hint ? (
    <p className="hint" id={hintId}>
      {hint}
    </p>
  ) : null;

  if (!hydrated) {
    // The plain input: what is typed is posted as is (an id, or a name where the area resolves names).
    const plain = echo ?? (defaultValue ? (noScriptValue === "label" ? defaultValue.label : defaultValue.id) : "");
    return (
      <div className={classes}>
        {labelNode}
        {hintNode}
        <input
          type="text"
          id={id}
          name={name}
          defaultValue={plain}
          required={required}
          disabled={disabled}
          autoComplete="off"
          placeholder={placeholder}
          aria-invalid={isInvalid}
          aria-describedby={describedBy}
        />
        <noscript>
          <p className="hint">{t("ui.picker.noscript")}</p>
        </noscript>
        <FieldError id={errorId} error={error} params={errorParams} />
      </div>
    );
  }

  const activeId = open && active >= 0 ? `${optionPrefix}-${active}` : undefined;
  const status =
    state === "loading" ? t("ui.picker.loading") : state === "failed" ? t("ui.picker.failed") : open ? (items.length ? t("ui.picker.count", { count: items.length, n: items.length }) : t("ui.picker.none", { q: text })) : "";
  return (
    <div className={classes}>
      {labelNode}
      {hintNode}
      <div className="ui-picker__box">
        <input
          type="text"
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={isInvalid}
          aria-describedby={[describedBy, statusId].filter(Boolean).join(" ")}
          autoComplete="off"
          required={required}
          disabled={disabled}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPicked(null);
            search(e.target.value);
          }}
          onFocus={() => {
            if (!open && !picked) search(text);
          }}
          onBlur={() => {
            // Let a click on an option land first.
            setTimeout(() => setOpen(false), 150);
          }}
          onKeyDown={onKeyDown}
        />
        {/* What is posted: the chosen id, or the text as typed (the module says when it names nothing). */}
        <input type="hidden" name={name} value={picked ? picked.id : text.trim()} disabled={disabled} />
        <ul id={listId} role="listbox" aria-label={typeof label === "string" ? label : undefined} className="ui-picker__list" hidden={!open || (items.length === 0 && !next)}>
          {items.map((item, i) => (
            <li
              key={item.id}
              id={`${optionPrefix}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "ui-picker__option is-active" : "ui-picker__option"}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
              onMouseEnter={() => setActive(i)}
            >
              <span>{item.label}</span>
              {item.detail ? <span className="ui-picker__detail">{item.detail}</span> : null}
            </li>
          ))}
          {next ? (
            <li role="presentation" className="ui-picker__more">
              <button type="button" tabIndex={-1} className="link-button" onMouseDown={(e) => e.preventDefault()} onClick={() => void load(picked ? "" : text.trim(), next)}>
                {t("ui.picker.more")}
              </button>
            </li>
          ) : null}
        </ul>
      </div>
      <p id={statusId} className="sr-only" aria-live="polite">
        {status}
      </p>
      {open && items.length === 0 && state === "idle" ? <p className="hint">{t("ui.picker.none", { q: text })}</p> : null}
      {state === "failed" ? <p className="hint">{t("ui.picker.failed")}</p> : null}
      <FieldError id={errorId} error={error} params={errorParams} />
    </div>
  );
}
