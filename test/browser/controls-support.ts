import type { Locator } from 'playwright-core';

/**
 * The staff app's form controls are Shoelace elements; playwright fills and ticks only native
 * fields, so these reach the native one inside each control's (open) shadow root.
 */

/** Types `value` into an `<sl-input>`, replacing what was there. */
export function fillControl(control: Locator, value: string): Promise<void> {
  return control.locator('input').fill(value);
}

/** Ticks or unticks an `<sl-checkbox>` by clicking it as a person would, then checks it took. */
export async function setChecked(control: Locator, checked: boolean): Promise<void> {
  if ((await control.evaluate((box: HTMLInputElement) => box.checked)) !== checked) await control.click();
  if ((await control.evaluate((box: HTMLInputElement) => box.checked)) !== checked)
    throw new Error(`checkbox did not become ${checked ? 'checked' : 'unchecked'}`);
}

/** Opens an `<sl-select>` and picks the option whose value is `value`. */
export async function chooseOption(select: Locator, value: string): Promise<void> {
  await select.click();
  await select.locator(`sl-option[value="${value}"]`).click();
}
