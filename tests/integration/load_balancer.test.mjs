// nginx (deploy/nginx/gazette.conf) in front of three Gazette nodes on one PostgreSQL database:
// reads and writes go through nginx while one node is killed with SIGKILL; every read still
// gets a 200 and every write answered with a success is in the database afterwards. Needs nginx
// (Debian's `nginx`) and GAZETTE_TEST_POSTGRES_URL; skips loudly without either.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createDatabase, dropDatabase, postgresMissing, psql } from '../lib/postgres.mjs';
import { repoRoot, serve, siteConfig, Workspace } from '../lib/server.mjs';

const kToken = 'load-balancer-test-token';
const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
const skip = postgresMissing() || (nginxBin ? false : 'nginx is not installed (apt-get install nginx)');
if (skip) process.stderr.write(`\n!!! SKIPPING the load balancer test: ${skip}\n\n`);

function story(n) {
  return {
    language: 'en', section: 'Harbour', headline: `Harbour report ${n}`, dateline: 'Riverton',
    slug: `harbour-report-${n}`, published_at: '2024-05-01T08:00:00Z', source: 'Gazette', tags: ['Boats'],
    status: 'published', body_paragraphs: [`Report number ${n} from the harbour.`],
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// The shipped configuration with these nodes and this listen address, inside a main config
// that keeps every file nginx writes in `dir`.
function nginxConfig(dir, port, nodePorts) {
  const shipped = readFileSync(path.join(repoRoot, 'deploy', 'nginx', 'gazette.conf'), 'utf8');
  const upstreamServers = nodePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n');
  const site = shipped
    .replace(/(?:^ {4}server 127\.0\.0\.1:\d+ [^\n]*\n)+/m, `${upstreamServers}\n`)
    .replace(/^ {4}listen 80;\n {4}listen \[::\]:80;$/m, `    listen 127.0.0.1:${port};`);
  assert.ok(site.includes(`127.0.0.1:${nodePorts[2]}`) && site.includes(`listen 127.0.0.1:${port}`),
    'deploy/nginx/gazette.conf no longer has the upstream and listen lines this test replaces');
  return `worker_processes 1;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`;
}

async function startNginx(dir, port) {
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid;`];
  const check = spawnSync(nginxBin, [...args, '-t'], { encoding: 'utf8' });
  assert.equal(check.status, 0, `nginx -t refused the configuration:\n${check.stderr}`);
  const child = spawn(nginxBin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  for (let i = 0; i < 200; i += 1) {
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (up) return { child, exited };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not start on port ${port}:\n${stderr}`);
}

describe('nginx in front of three nodes, one killed', { skip }, () => {
  let database;
  let dir;
  let nginx;
  let port;
  const nodes = [];

  before(async () => {
    database = await createDatabase('gazette_lb');
    const config = `${siteConfig}\n`.replace(/^token = ""/m, `token = "${kToken}"`);
    for (let i = 0; i < 3; i += 1) {
      const workspace = await Workspace.create({ config, store: 'sqlite' });
      workspace.database = database.url;
      if (i === 0) {
        const file = path.join(workspace.dir, 'stories.json');
        await writeFile(file, JSON.stringify([0, 1, 2].map(story)));
        await workspace.load([file]);
      }
      const node = await serve(workspace);
      node.ownsWorkspace = true;
      nodes.push(node);
    }
    dir = await mkdtemp(path.join(tmpdir(), 'gazette-nginx-'));
    port = await freePort();
    await writeFile(path.join(dir, 'nginx.conf'), nginxConfig(dir, port, nodes.map((n) => n.port)));
    nginx = await startNginx(dir, port);
  });

  after(async () => {
    if (nginx) {
      nginx.child.kill('SIGQUIT');
      await nginx.exited;
    }
    for (const node of nodes) {
      if (node.child.exitCode === null && node.child.signalCode === null) await node.stop();
      else await node.workspace.remove();
    }
    if (database) await dropDatabase(database.name);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps answering reads and loses no accepted write', async () => {
    const base = `http://127.0.0.1:${port}`;
    const reads = [];
    const writes = [];
    const read = async (target) => {
      const response = await fetch(base + target);
      await response.text();
      reads.push({ target, status: response.status });
    };
    const write = async (n) => {
      const response = await fetch(`${base}/api/articles`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${kToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(story(n)),
      }).catch((error) => ({ status: 0, text: async () => String(error) }));
      writes.push({ n, status: response.status, body: await response.text() });
    };

    const killed = nodes[1];
    for (let round = 0; round < 60; round += 1) {
      if (round === 20) {
        killed.child.kill('SIGKILL');
        assert.equal((await killed.exited).signal, 'SIGKILL');
      }
      // Several requests at once, so that some are in flight on the node when it dies.
      await Promise.all([
        read('/en/'), read('/en/harbour/'), read(`/en/harbour/harbour-report-${round % 3}`), read('/healthz'),
        write(100 + round * 2), write(101 + round * 2),
      ]);
    }

    const failedReads = reads.filter((r) => r.status !== 200);
    assert.deepEqual(failedReads, [], `reads failed through nginx:\n${readFileSync(path.join(dir, 'error.log'), 'utf8').slice(-2000)}`);
    assert.equal(reads.length, 240);

    const accepted = writes.filter((w) => w.status >= 200 && w.status < 300).map((w) => `harbour-report-${w.n}`);
    assert.ok(accepted.length >= writes.length / 2, `only ${accepted.length} of ${writes.length} writes were accepted: ${JSON.stringify(writes.slice(0, 2))}`);
    const stored = new Set((await psql(database.url, 'SELECT slug FROM articles')).split('\n').filter(Boolean));
    const lost = accepted.filter((slug) => !stored.has(slug));
    assert.deepEqual(lost, [], 'writes answered 2xx are missing from the database');

    // The survivors serve every accepted write, whichever node took it.
    for (const slug of accepted.slice(-5)) {
      const response = await fetch(`${base}/en/harbour/${slug}`);
      assert.equal(response.status, 200, slug);
      await response.text();
    }
    // nginx met the dead node (and moved on to the next): the kill happened under traffic.
    const errors = readFileSync(path.join(dir, 'error.log'), 'utf8');
    assert.ok(errors.includes(`127.0.0.1:${killed.port}`), `nginx never noticed the killed node:\n${errors}`);
  });
});
