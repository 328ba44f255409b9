// How many bytes Chrome charges a storage.sync item against QUOTA_BYTES and
// QUOTA_BYTES_PER_ITEM. Chrome's quota enforcer converts the JS value to a
// base::Value, serialises it with base::JSONWriter and counts
// `key.size() + json.size()` in UTF-8 bytes. JSONWriter differs from
// JSON.stringify in ways that change the count:
//   - `<` is written as `\u003C` (6 bytes), U+2028/U+2029 as `\u2028`/`\u2029`;
//   - other control characters below U+0020 (except \b \f \n \r \t) as `\u00XX`;
//   - unpaired surrogates become U+FFFD (3 bytes);
//   - numbers that are not 32-bit integers are doubles and gain ".0" when integral
//     (1730000000000 is written "1730000000000.0").
// Firefox counts key + JSON in UTF-8 without these escapes, so this count is an
// upper bound there: an item that fits Chrome fits Firefox.

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** Bytes of `key` plus its value as Chrome counts them for storage.sync quotas. */
export function chromeItemBytes(key: string, value: unknown): number {
  return utf8StringBytes(key) + chromeJsonBytes(value);
}

/** UTF-8 length of base::JSONWriter's serialisation of `value`. */
export function chromeJsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4; // "null"
  switch (typeof value) {
    case 'boolean':
      return value ? 4 : 5;
    case 'number':
      return numberBytes(value);
    case 'string':
      return jsonStringBytes(value);
    case 'object':
      return Array.isArray(value) ? arrayBytes(value) : objectBytes(value as Record<string, unknown>);
    default:
      // Functions, symbols and bigints do not survive the conversion to base::Value.
      return 4;
  }
}

function numberBytes(n: number): number {
  if (!Number.isFinite(n)) return 4; // converted to null
  if (Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX && !Object.is(n, -0)) {
    return String(n).length;
  }
  // A double: base::NumberToString uses the ECMAScript shortest form, then
  // JSONWriter appends ".0" when there is neither a point nor an exponent.
  const text = String(n);
  return /[.eE]/.test(text) ? text.length : text.length + 2;
}

function arrayBytes(items: readonly unknown[]): number {
  let bytes = 2; // []
  items.forEach((item, index) => {
    if (index > 0) bytes += 1; // ,
    bytes += item === undefined || typeof item === 'function' ? 4 : chromeJsonBytes(item);
  });
  return bytes;
}

function objectBytes(object: Record<string, unknown>): number {
  let bytes = 2; // {}
  let members = 0;
  for (const [key, member] of Object.entries(object)) {
    // Undefined members and functions are dropped by the conversion, as by JSON.stringify.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    if (members > 0) bytes += 1; // ,
    bytes += jsonStringBytes(key) + 1 + chromeJsonBytes(member); // "key":value
    members += 1;
  }
  return bytes;
}

/** A JSON string literal with its quotes, escaped the way base::EscapeJSONString does. */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4; // a valid pair: one astral code point
        i += 1;
      } else {
        bytes += 3; // unpaired: replaced by U+FFFD
      }
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      bytes += 3;
      continue;
    }
    bytes += escapedCodeUnitBytes(unit);
  }
  return bytes;
}

function escapedCodeUnitBytes(unit: number): number {
  switch (unit) {
    case 0x08: // \b
    case 0x0c: // \f
    case 0x0a: // \n
    case 0x0d: // \r
    case 0x09: // \t
    case 0x22: // \"
    case 0x5c: // \\
      return 2;
    case 0x3c: // < → \u003C
    case 0x2028:
    case 0x2029:
      return 6;
    default:
      if (unit < 0x20) return 6; // \u00XX
      if (unit < 0x80) return 1;
      if (unit < 0x800) return 2;
      return 3;
  }
}

/** UTF-8 length of a string, unpaired surrogates counted as U+FFFD. */
export function utf8StringBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
