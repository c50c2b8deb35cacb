/**
 * @module protocol/restxml/xml
 * Reads the small XML documents REST-XML clients send (a bucket configuration, a tag set, a list of
 * parts or keys) into a tree of elements. Attributes, comments, processing instructions and
 * namespaces are read past; a DOCTYPE (entity expansion) is refused. Anything malformed throws
 * XmlError, which the codec answers as the service's MalformedXML.
 */

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The characters XML 1.0 has (its production Char), the only ones a character reference may name. */
export const isXmlChar = (n: number) =>
  n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

function decodeText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const n = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      if (!isXmlChar(n)) throw new XmlError(`${whole} names no XML character`);
      return String.fromCodePoint(n);
    }
    const c = ENTITIES[ref];
    if (c === undefined) throw new XmlError(`unknown entity ${whole}`);
    return c;
  });
}

/** The document's root element. */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (stack.length) stack[stack.length - 1].text += decodeText(chunk.replace(/<!\[CDATA\[/g, ''));
    else if (chunk.trim()) throw new XmlError('text outside the root element');
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) i = end(text, '?>', lt);
    else if (text.startsWith('<!--', lt)) i = end(text, '-->', lt);
    else if (text.startsWith('<![CDATA[', lt)) {
      const close = end(text, ']]>', lt);
      if (!stack.length) throw new XmlError('CDATA outside the root element');
      stack[stack.length - 1].text += text.slice(lt + 9, close - 3);
      i = close;
    } else if (text.startsWith('<!', lt)) throw new XmlError('DOCTYPE is not accepted');
    else if (text.startsWith('</', lt)) {
      const close = end(text, '>', lt);
      const name = localName(text.slice(lt + 2, close - 1).trim());
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError(`unexpected </${name}>`);
      i = close;
    } else {
      const close = end(text, '>', lt);
      const body = text.slice(lt + 1, close - 1);
      const selfClosing = body.endsWith('/');
      const name = localName((selfClosing ? body.slice(0, -1) : body).trim().split(/\s/)[0]);
      if (!name) throw new XmlError('an element without a name');
      const element: XmlElement = { name, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) throw new XmlError('more than one root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      i = close;
    }
  }
  if (!root || stack.length) throw new XmlError('the document is incomplete');
  return root;
}

function end(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  if (at < 0) throw new XmlError('the document is incomplete');
  return at + token.length;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}
