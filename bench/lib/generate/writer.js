/**
 * Builds one source file line by line and remembers on which lines hazards were seeded, so the
 * lint suite can check findings against them (a finding on another line is a false positive).
 */
export class Writer {
  constructor() {
    /** @type {string[]} */
    this.lines = [];
    /** @type {{ kind: string, line: number }[]} */
    this.hazards = [];
  }

  /** Appends lines (each argument is one line; `''` for a blank one). */
  line(...texts) {
    this.lines.push(...texts);
    return this;
  }

  /** Appends one line that is a seeded hazard of `kind`. */
  hazard(kind, text) {
    this.lines.push(text);
    this.hazards.push({ kind, line: this.lines.length });
    return this;
  }

  /** Appends snippet output from `snippets.js` ({ text, hazard? } items). */
  snippet(items) {
    for (const item of items) {
      if (item.hazard) this.hazard(item.hazard, item.text);
      else this.line(item.text);
    }
    return this;
  }

  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}
