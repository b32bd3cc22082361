/**
 * The little XML the exporters need, written by hand: escaping for text and
 * attribute values, and a guard against characters XML 1.0 cannot carry.
 * A builder library would add a dependency for what is, here, a handful of
 * fixed elements; every value that comes from the data goes through these
 * two functions, so an actor id like `<script>&"` stays inert text.
 */

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: `&` and `<` (and `>`, for `]]>`) as entities; forbidden characters become U+FFFD. */
export function escapeText(value: string | number): string {
  return String(value)
    .replace(INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * An attribute value in double quotes: as text, plus both quotes, and tab,
 * LF and CR as character references so attribute-value normalisation does
 * not turn them into spaces.
 */
export function escapeAttr(value: string | number): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `name="value" …` for the defined entries, each value escaped. */
export function attrs(entries: Record<string, string | number | null | undefined>): string {
  return Object.entries(entries)
    .filter((entry): entry is [string, string | number] => entry[1] != null)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
}
