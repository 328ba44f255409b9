// Just enough of source maps (v3) for the bench: decoding the mappings, and finding the
// original source, line and name of a generated position (to name the functions of a
// minified bundle in a CPU profile).

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64_VALUE.get(ch);
    if (digit === undefined) throw new Error(`Bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface OriginalPosition {
  source: string;
  /** 1-based, as editors show it. */
  line: number;
  name: string | null;
}

/** Generated (0-based line, 0-based column) → original position, for one map. */
export class SourceMapLookup {
  private readonly lines: [col: number, source: number, line: number, name: number][][] = [];

  constructor(private readonly map: { sources: string[]; names?: string[]; mappings: string }) {
    let source = 0;
    let line = 0;
    let name = 0;
    for (const text of map.mappings.split(';')) {
      let genCol = 0;
      const segments: [number, number, number, number][] = [];
      for (const seg of text.split(',')) {
        if (!seg) continue;
        const f = decodeVlq(seg);
        genCol += f[0] ?? 0;
        if (f.length < 4) continue;
        // f[3] is the original column: not needed to name a line.
        source += f[1]!;
        line += f[2]!;
        if (f.length >= 5) name += f[4]!;
        segments.push([genCol, source, line, f.length >= 5 ? name : -1]);
      }
      this.lines.push(segments);
    }
  }

  lookup(line0: number, column0: number): OriginalPosition | null {
    const segments = this.lines[line0];
    if (!segments?.length) return null;
    let lo = 0;
    let hi = segments.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid]![0] <= column0) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return null;
    const [, s, l, n] = segments[best]!;
    return { source: cleanSource(this.map.sources[s] ?? '?'), line: l + 1, name: n >= 0 ? this.map.names?.[n] ?? null : null };
  }
}

/** A source path as a reader names it: relative to the repo, node_modules kept. */
export function cleanSource(source: string): string {
  return source.replace(/^(\.\.\/)+/, '').replace(/^webpack:\/\/\//, '').replace(/\?.*$/, '');
}
