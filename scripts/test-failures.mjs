// A node:test reporter that prints, after everything else, each failed test with its file and error — the TAP stream
// above it runs to thousands of lines, and a reader of a long run's last page should not have to search for what broke.
// With SLIPWAY_FAILED_FILES set, it also writes the failed tests' files there, one a line (scripts/test.sh runs them again).
import { writeFileSync } from 'node:fs';

export default async function* failures(source) {
  const failed = [];
  const files = new Set();
  const path = [];
  for await (const event of source) {
    if (event.type === 'test:start') path[event.data.nesting] = event.data.name;
    if (event.type !== 'test:fail') continue;
    const { data } = event;
    // A suite fails when any test in it fails; that test is listed already.
    if (data.details?.error?.failureType === 'subtestsFailed') continue;
    const where = data.file ? `${data.file}${data.line ? `:${data.line}` : ''}` : '(file unknown)';
    const name = [...path.slice(0, data.nesting), data.name].join(' › ');
    failed.push(`✖ ${name}\n  at ${where}\n${indent(describe(data.details?.error))}`);
    files.add(data.file ?? '(file unknown)');
  }
  if (process.env.SLIPWAY_FAILED_FILES) writeFileSync(process.env.SLIPWAY_FAILED_FILES, [...files].map((f) => `${f}\n`).join(''));
  if (failed.length === 0) return;
  yield `\n# ${failed.length} failed:\n${failed.join('\n')}\n`;
}

function describe(error) {
  if (!error) return 'no error recorded';
  const cause = error.cause ?? error;
  const text = cause?.stack ?? cause?.message ?? String(cause);
  // Node's own frames say nothing about what failed.
  const lines = String(text)
    .split('\n')
    .filter((line) => !/\(node:|at node:/.test(line));
  return lines.slice(0, 12).join('\n');
}

function indent(text) {
  return text.replace(/^/gm, '    ');
}
