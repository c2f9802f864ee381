/** Moves focus to the first field with an error (fields use their name as the input id). */
export function focusFirstInvalid<F extends string>(
  fields: Partial<Record<F, string>>,
  order: readonly F[],
): void {
  const first = order.find((name) => fields[name] !== undefined);
  if (first !== undefined) document.getElementById(first)?.focus();
}
