// ZIP code input: normalise what people type, and say clearly what is wrong.

/**
 * Return {zip, plus4} for 5-digit ZIPs and ZIP+4, or {error} with a code:
 * empty, letters, short, long, plus4 (the words are zip_<code> in theme/strings).
 */
export function parseZip(raw) {
  // NFKC turns full-width digits (０２１３９) and hyphens into ASCII; all spaces go.
  const text = String(raw ?? '').normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
  if (!text) return { error: 'empty' };
  if (!/^[0-9-]+$/.test(text) || /-.*-/.test(text)) return { error: 'letters' };
  const [head, tail] = text.split('-');
  if (tail !== undefined) {
    if (head.length !== 5) return { error: head.length < 5 ? 'short' : 'long' };
    if (tail.length !== 4) return { error: 'plus4' };
    return { zip: head, plus4: tail };
  }
  if (head.length < 5) return { error: 'short' };
  if (head.length === 9) return { zip: head.slice(0, 5), plus4: head.slice(5) };
  if (head.length > 5) return { error: 'long' };
  return { zip: head, plus4: null };
}
