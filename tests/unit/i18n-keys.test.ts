/** Keys are typed from the Spanish catalogue (app/i18n/keys.ts): tsc rejects the lines marked below. */
import { describe, expect, it } from "vitest";
import { makeT } from "~/i18n";

describe("typed keys", () => {
  const t = makeT("es");

  it("accepts known keys, plural bases and template keys whose prefix matches", () => {
    const kind = "404" as "404" | "500";
    expect(t("contacts.title")).not.toBe("contacts.title");
    expect(t(`errors.${kind}.title`)).not.toMatch(/^errors\./);
    const fromData: string = "nav.home";
    expect(t(fromData)).toBe("Inicio");
  });

  it("rejects misspelt keys at compile time (they would print raw)", () => {
    // @ts-expect-error misspelt key
    expect(t("contacts.titel")).toBe("contacts.titel");
    const area = "x" as string;
    // @ts-expect-error no key starts with this prefix
    expect(t(`contcts.kind.${area}`)).toBe("contcts.kind.x");
    // @ts-expect-error one member of the union is not a key
    expect(t(Math.random() > 2 ? "contacts.title" : "contacts.nope")).toBe("contacts.nope");
  });
});
