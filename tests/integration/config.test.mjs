// A bad configuration stops start-up with a message that names the key, for `serve` and `load`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { runGazette, Workspace } from '../lib/server.mjs';

const kBrokenConfigs = [
  // [what, TOML, the key the message must name]
  ['page_size 0', '[site]\npage_size = 0\n', 'site.page_size'],
  ['page_size not a number', '[site]\npage_size = "twenty"\n', 'site.page_size'],
  ['an unknown site key', '[site]\nnmae = "Typo"\n', 'site.nmae'],
  ['a timestamp directive Gazette lacks', '[site]\ntimestamp_format = "%Q"\n', 'site.timestamp_format'],
  ['an edition Gazette lacks', '[site]\nlanguages = ["fr"]\n', 'site.languages'],
  ['a request timeout of 5 ms', '[server]\nrequest_timeout_ms = 5\n', 'server.request_timeout_ms'],
  ['a listen address without a port', '[server]\nlisten = "localhost"\n', 'server.listen'],
];

describe('configuration errors', () => {
  let workspace;
  before(async () => {
    workspace = await Workspace.create();
  });
  after(async () => {
    await workspace?.remove();
  });

  for (const [what, toml, key] of kBrokenConfigs) {
    for (const command of ['serve', 'load']) {
      it(`${command} refuses ${what}, naming ${key}`, async () => {
        const broken = await Workspace.create({ config: toml });
        try {
          // `load` gets an empty folder: the config must fail before anything is read.
          const args = [command, '--config', broken.configPath, ...(command === 'load' ? [workspace.dir] : [])];
          // A server that accepted the config would never exit: the timeout fails the test.
          const result = await runGazette(args, { env: broken.env({ GAZETTE_LISTEN: '127.0.0.1:0' }), timeoutMs: 30_000 });
          assert.notEqual(result.code, 0, `exit code; stdout:\n${result.stdout}`);
          assert.ok(result.stderr.includes(key), `stderr does not name ${key}:\n${result.stderr}`);
          assert.doesNotMatch(result.stdout, /Gazette serving/);
        } finally {
          await broken.remove();
        }
      });
    }
  }

  it('refuses a bad GAZETTE_LISTEN, naming it', async () => {
    const result = await runGazette(['serve'], { env: workspace.env({ GAZETTE_LISTEN: 'not-an-address' }), timeoutMs: 30_000 });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /GAZETTE_LISTEN/);
  });

  it('refuses a config file that is not TOML, naming the file', async () => {
    const broken = await Workspace.create({ config: '[site\nname = \n' });
    try {
      const result = await runGazette(['serve', '--config', broken.configPath],
        { env: broken.env({ GAZETTE_LISTEN: '127.0.0.1:0' }), timeoutMs: 30_000 });
      assert.notEqual(result.code, 0);
      assert.ok(result.stderr.includes(broken.configPath), `stderr does not name the file:\n${result.stderr}`);
    } finally {
      await broken.remove();
    }
  });
});
