import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBuildspec } from './buildspec.ts';
import { MarkerReader, parseMarker, phaseFailure, type Marker } from './markers.ts';
import { quote, renderBuildScript } from './runner.ts';

describe('runner markers', () => {
  it('reads marker lines split across chunks and passes everything else on as log lines', () => {
    const lines: string[] = [];
    const markers: Marker[] = [];
    const reader = new MarkerReader(
      'n1',
      (l) => lines.push(l),
      (m) => markers.push(m),
    );
    reader.push('hello\n##slip');
    reader.push('way## n1 BEGIN BUILD\nworld\n##slipway## other BEGIN BUILD\n##slipway## n1 END BUILD FAILED f1 2\n##slipway## n1 DONE 1');
    reader.end();
    assert.deepEqual(lines, ['hello', 'world', '##slipway## other BEGIN BUILD']);
    assert.deepEqual(markers, [
      { kind: 'BEGIN', phase: 'BUILD' },
      { kind: 'END', phase: 'BUILD', status: 'FAILED', list: 'f', index: 1, exitCode: 2 },
      { kind: 'DONE', upload: true },
    ]);
    assert.equal(parseMarker('##slipway## n1 BEGIN NOWHERE', 'n1'), undefined);
  });

  it("turns a failure into CodeBuild's phase context", () => {
    const spec = parseBuildspec('version: 0.2\nphases:\n  pre_build:\n    commands: [pytest test_main.py]\n');
    const { context } = phaseFailure(spec, { kind: 'END', phase: 'PRE_BUILD', status: 'FAILED', list: 'c', index: 0, exitCode: 1 });
    assert.deepEqual(context, {
      statusCode: 'COMMAND_EXECUTION_ERROR',
      message: 'Error while executing command: pytest test_main.py. Reason: exit status 1',
    });
  });

  it('quotes commands so the script runs them verbatim', () => {
    assert.equal(quote(`echo 'a' "$B"`), `'echo '\\''a'\\'' "$B"'`);
    const script = renderBuildScript(
      parseBuildspec(`version: 0.2\nphases:\n  build:\n    commands: ["echo 'x'"]\n    on-failure: ABORT\n`),
      { buildId: 'p:1', cachePaths: [] },
    );
    assert.match(script, /__sw_run 'echo '\\''x'\\'''\n {2}__sw_end BUILD ABORT/);
    assert.match(script, /if __sw_begin INSTALL; then\n {2}__sw_end INSTALL DEFAULT\nfi/);
  });
});
