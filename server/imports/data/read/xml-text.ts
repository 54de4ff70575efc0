const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** OOXML writes control characters as `_x000D_`. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes the five XML entities, numeric references and OOXML `_xHHHH_` escapes; nothing else (no DTD). */
export function decodeXmlText(text: string): string {
  if (text.indexOf('&') === -1 && text.indexOf('_x') === -1) return text;
  return text
    .replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return NAMED[name];
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const T_ELEMENT = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** Text of a rich or plain string item (`<si>` or `<is>` content): all `<t>` runs, phonetic hints left out. */
export function richText(inner: string): string {
  const body = inner.indexOf('rPh') === -1 ? inner : inner.replace(PHONETIC, '');
  let out = '';
  T_ELEMENT.lastIndex = 0;
  for (let m = T_ELEMENT.exec(body); m; m = T_ELEMENT.exec(body)) out += m[1] ?? '';
  return decodeXmlText(out);
}
