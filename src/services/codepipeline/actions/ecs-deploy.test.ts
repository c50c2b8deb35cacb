import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImageDefinitions } from './ecs-deploy.ts';

test('imagedefinitions.json: an array of {name, imageUri}, or the reason it is not', () => {
  assert.deepEqual(parseImageDefinitions('[{"name":"web","imageUri":"repo@sha256:1"}]', 'f.json'), [
    { name: 'web', imageUri: 'repo@sha256:1' },
  ]);
  assert.equal(parseImageDefinitions('[{"name":', 'f.json'), 'The image definition file f.json contains invalid JSON format');
  for (const text of ['{}', '[]', '[{"name":"web"}]', '[{"name":"","imageUri":"x"}]', '[{"name":"web","imageUri":7}]', '[null]'])
    assert.match(parseImageDefinitions(text, 'f.json') as string, /^The image definition file f\.json must be a JSON array of/, text);
});
