import type { Locator, Page } from "playwright-core";

/**
 * Chooses in a kit SearchPicker (app/components/ui/search-picker.tsx) as a person would: types
 * `query` into the combobox labelled `label` (waiting for it: it becomes one once the page is
 * hydrated) and clicks the listed option holding `option`.
 */
export async function pick(scope: Page | Locator, label: string, query: string, option: string = query): Promise<void> {
  const box = scope.getByRole("combobox", { name: label, exact: true });
  // Emptied first: typing the text already shown (a default choice) changes nothing, so nothing is searched.
  await box.fill("");
  await box.fill(query);
  const list = scope.locator(`[id="${await box.getAttribute("aria-controls")}"]`);
  await list.getByRole("option").filter({ hasText: option }).first().click();
  await box.page().waitForFunction((id) => document.getElementById(id)?.hidden === true, (await box.getAttribute("aria-controls"))!);
}
