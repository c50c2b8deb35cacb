/**
 * @module services/codebuild/junit
 * Test results in JUnit XML (what pytest --junitxml, Maven Surefire, Jest's reporters write) and
 * TestNG XML read into CodeBuild test cases. A small tag reader: test reports are machine-written
 * XML, so elements, attributes, CDATA and the five predefined entities are all there is to read.
 */
import { isXmlChar } from '../../protocol/restxml/xml.ts';

export interface ParsedCase {
  suite: string;
  prefix: string;
  name: string;
  status: 'SUCCEEDED' | 'FAILED' | 'ERROR' | 'SKIPPED' | 'UNKNOWN';
  durationNs: number;
  message?: string;
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A report is read leniently: a reference naming no XML character reads as U+FFFD, not as a failed build. */
const character = (n: number) => (isXmlChar(n) ? String.fromCodePoint(n) : '\uFFFD');

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? character(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()],
  );
}

export function parseXml(xml: string): Element {
  const root: Element = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const token =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[2] ?? a[3]);
      const el: Element = { name: m[3], attrs, children: [], text: '' };
      top.children.push(el);
      if (m[5] !== '/') stack.push(el);
    }
  }
  return root;
}

function* descendants(el: Element, name: string): Generator<Element> {
  for (const child of el.children) {
    if (child.name === name) yield child;
    else yield* descendants(child, name);
  }
}

const seconds = (value: string | undefined) => Math.round((Number(value) || 0) * 1e9);

/** JUnit: <testsuite name><testcase classname name time>[<failure|error|skipped message>]. */
export function parseJunit(xml: string): ParsedCase[] {
  const out: ParsedCase[] = [];
  const doc = parseXml(xml);
  for (const suite of descendants(doc, 'testsuite')) {
    for (const tc of suite.children.filter((c) => c.name === 'testcase')) {
      const failure = tc.children.find((c) => c.name === 'failure');
      const error = tc.children.find((c) => c.name === 'error');
      const skipped = tc.children.find((c) => c.name === 'skipped');
      const problem = failure ?? error ?? skipped;
      out.push({
        suite: suite.attrs.name ?? '',
        prefix: tc.attrs.classname ?? '',
        name: tc.attrs.name ?? '',
        status: failure ? 'FAILED' : error ? 'ERROR' : skipped ? 'SKIPPED' : 'SUCCEEDED',
        durationNs: seconds(tc.attrs.time),
        message: problem ? [problem.attrs.message, problem.text.trim()].filter(Boolean).join('\n') || undefined : undefined,
      });
    }
  }
  return out;
}

/** TestNG: <test-method status="PASS|FAIL|SKIP" name duration-ms> inside <class name>. */
export function parseTestng(xml: string): ParsedCase[] {
  const out: ParsedCase[] = [];
  for (const cls of descendants(parseXml(xml), 'class')) {
    for (const m of descendants(cls, 'test-method')) {
      if (m.attrs['is-config'] === 'true') continue;
      const status =
        m.attrs.status === 'PASS' ? 'SUCCEEDED' : m.attrs.status === 'FAIL' ? 'FAILED' : m.attrs.status === 'SKIP' ? 'SKIPPED' : 'UNKNOWN';
      const exception = [...descendants(m, 'message')][0];
      out.push({
        suite: '',
        prefix: cls.attrs.name ?? '',
        name: m.attrs.name ?? '',
        status,
        durationNs: (Number(m.attrs['duration-ms']) || 0) * 1e6,
        message: exception?.text.trim() || undefined,
      });
    }
  }
  return out;
}
