/**
 * Splits the text of a top-level JSON array into the source text of its elements as chunks arrive,
 * so a file of millions of objects is parsed one object at a time. Each element is then given to
 * JSON.parse, which does the real validation.
 */
export interface JsonElement {
  text: string;
  line: number;
}

export class JsonArraySplitter {
  private started = false;
  private finished = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private current: string[] = [];
  private currentLength = 0;

  /** `maxChars`: the longest element accepted; a runaway one would otherwise fill memory. */
  constructor(private readonly maxChars = Number.POSITIVE_INFINITY) {}
  private elementStart = 0;
  private elementLine = 0;
  private inElement = false;

  get isComplete(): boolean {
    return this.finished;
  }

  get currentLine(): number {
    return this.line;
  }

  /** Feeds a chunk; returns the elements completed inside it. Throws a plain Error on structural problems. */
  push(chunk: string): JsonElement[] {
    const out: JsonElement[] = [];
    this.elementStart = 0;
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk.charCodeAt(index);
      if (char === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (char === 92) this.escaped = true;
        else if (char === 34) this.inString = false;
        continue;
      }
      if (char === 32 || char === 10 || char === 13 || char === 9) continue;
      if (this.finished) throw new Error(`unexpected text after the closing bracket at line ${this.line}`);
      if (!this.started) {
        if (char !== 91) throw new Error('the file does not start with [');
        this.started = true;
        this.depth = 1;
        continue;
      }
      if (this.depth === 1 && !this.inElement) {
        if (char === 44) continue;
        if (char === 93) {
          this.finished = true;
          this.depth = 0;
          continue;
        }
        this.inElement = true;
        this.elementStart = index;
        this.elementLine = this.line;
      }
      if (char === 34) this.inString = true;
      else if (char === 123 || char === 91) this.depth++;
      else if (char === 125 || char === 93) {
        this.depth--;
        if (this.depth === 0) {
          // a closing bracket that ends the array right after a primitive element
          out.push(this.take(chunk, index));
          this.finished = true;
          continue;
        }
        if (this.depth === 1) out.push(this.take(chunk, index + 1));
      } else if (char === 44 && this.depth === 1) {
        out.push(this.take(chunk, index));
      }
    }
    if (this.inElement) {
      const rest = chunk.slice(this.elementStart);
      this.current.push(rest);
      this.currentLength += rest.length;
      if (this.currentLength > this.maxChars) throw new Error(`the element starting at line ${this.elementLine} is longer than ${this.maxChars} characters: not one record`);
    }
    return out;
  }

  private take(chunk: string, end: number): JsonElement {
    this.current.push(chunk.slice(this.elementStart, end));
    const text = this.current.join('');
    this.current = [];
    this.currentLength = 0;
    if (text.length > this.maxChars) throw new Error(`the element starting at line ${this.elementLine} is longer than ${this.maxChars} characters: not one record`);
    this.inElement = false;
    return { text, line: this.elementLine };
  }
}
