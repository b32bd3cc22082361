/**
 * The one place report text becomes HTML: every string that comes from a
 * document, the knowledge base or the user goes through `escapeHtml`, and
 * through `clip` first so no field can grow the page without bound.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values (also inside SVG). */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Shortens text to at most `max` characters (an ellipsis marks a cut), white space folded. */
export function clip(text: unknown, max: number): string {
  const folded = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (folded.length <= max) return folded;
  return `${folded.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Clipped and escaped: what every piece of document text goes through. */
export function text(value: unknown, max = 200): string {
  return escapeHtml(clip(value, max));
}

/** A number with a fixed number of decimals, or an en dash for none. */
export function num(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toFixed(digits);
}

/** A web address as a link when it is http(s), else as plain text; both escaped. */
export function urlLink(url: string | null | undefined): string {
  if (!url) return '';
  const shown = clip(url, 300);
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) && url.length <= 2000
    ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(shown)}</a>`
    : escapeHtml(shown);
}
