import { failIn } from './formatError.js';

/**
 * A small XML reader for annotation files such as Pascal VOC's: elements, text, CDATA, comments, the XML
 * declaration, a DOCTYPE without an internal subset, and the five named and numeric character references.
 * Attributes are checked for form but not kept: annotation formats of this shape put everything in elements.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded, trimmed. */
  text: string;
  /** Where the start tag is, 1-based. */
  line: number;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(text: string, source: string, line: number): string {
  return text.replace(/&([^;\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) failIn(source, `line ${line}`, `unescaped "&" in text`);
    if (ref in NAMED) return NAMED[ref];
    const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
    // The reference is not quoted: in a file that is not XML at all it may be anything (a token in a URL, say).
    if (!Number.isFinite(code) || code > 0x10ffff)
      failIn(source, `line ${line}`, 'unknown character reference (XML text knows &lt; &gt; &amp; &quot; &apos; and &#…;)');
    return String.fromCodePoint(code);
  });
}

/** Parses a document and returns its root element; malformed markup is an error naming the file and line. */
export function parseXml(text: string, source: string): XmlElement {
  const stack: { el: XmlElement; parts: string[] }[] = [];
  let root: XmlElement | null = null;
  let line = 1;
  let counted = 0;
  const lineAt = (index: number): number => {
    for (; counted < index; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const at = lineAt(m.index);
    const [, cdata, closing, name, , selfClosing, chars, stray] = m;
    const top = stack[stack.length - 1];
    if (stray !== undefined) failIn(source, `line ${at}`, 'malformed tag');
    if (chars !== undefined || cdata !== undefined) {
      const content = cdata ?? decodeText(chars!, source, at);
      if (top) top.parts.push(content);
      else if (content.trim()) failIn(source, `line ${at}`, 'text outside the root element');
      continue;
    }
    if (!name) continue;
    if (closing) {
      if (!top) failIn(source, `line ${at}`, `closing tag </${name}> without an open element`);
      if (top.el.name !== name) failIn(source, `line ${at}`, `closing tag </${name}> does not match <${top.el.name}> (line ${top.el.line})`);
      top.el.text = top.parts.join('').trim();
      stack.pop();
      continue;
    }
    if (root && !top) failIn(source, `line ${at}`, `<${name}> after the root element`);
    const el: XmlElement = { name, children: [], text: '', line: at };
    if (top) top.el.children.push(el);
    else root = el;
    if (!selfClosing) stack.push({ el, parts: [] });
  }
  const open = stack[stack.length - 1];
  if (open) failIn(source, `line ${lineAt(text.length)}`, `<${open.el.name}> (line ${open.el.line}) is never closed`);
  if (!root) failIn(source, '', 'no XML element found');
  return root;
}

export function childElement(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childElements(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
