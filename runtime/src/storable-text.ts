/** Index of the first UTF-16 surrogate without its partner, or -1. */
function loneSurrogateAt(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
    else return index;
  }
  return -1;
}

/**
 * Why `text` cannot be stored the same way by every store, or null when it can. PostgreSQL refuses
 * the NUL character in `text` and `jsonb`, and an unpaired UTF-16 surrogate is not valid UTF-8 (SQLite
 * would store it mangled); checking here gives both stores the same `TaskInputError`.
 */
export function unstorableText(text: string): string | null {
  const nul = text.indexOf('\u0000');
  if (nul !== -1)
    return `contains a NUL character (\\u0000) at index ${String(nul)}, which PostgreSQL cannot store; remove it, or send binary data base64-encoded`;
  const lone = loneSurrogateAt(text);
  if (lone !== -1)
    return `contains an unpaired UTF-16 surrogate at index ${String(lone)}, which is not valid Unicode; fix the string (e.g. \`text.toWellFormed()\`)`;
  return null;
}
