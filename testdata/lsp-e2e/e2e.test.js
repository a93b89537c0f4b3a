// End-to-end test of `vpcplan lsp`: starts the server as an editor does
// and drives it over stdio with vscode-languageserver-protocol, the
// client library of VS Code's language client. VPCPLAN names the binary
// (default: vpcplan on PATH).
//
// It opens an example, introduces a mistake and expects the rule's
// diagnostic (code, range, documentation link), then asks for
// completions, hover and a definition.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const url = require('node:url');
const rpc = require('vscode-languageserver-protocol/node');

const repo = path.resolve(__dirname, '..', '..');
const bin = process.env.VPCPLAN || 'vpcplan';

function start(dir) {
  const proc = cp.spawn(bin, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(proc.stdout),
    new rpc.StreamMessageWriter(proc.stdin),
  );
  const published = [];
  const waiters = [];
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiters.slice()) w();
  });
  const logs = [];
  conn.onNotification(rpc.LogMessageNotification.type, (p) => logs.push(p.message));
  conn.listen();
  // waitFor resolves with the first publication (past or future) for uri
  // that satisfies ok.
  function waitFor(uri, ok, ms = 10000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const p = published.find((p) => p.uri === uri && ok(p));
        if (p) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(p);
        }
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1);
        reject(new Error(`no matching diagnostics for ${uri} in ${ms} ms; got ${JSON.stringify(published, null, 1)}`));
      }, ms);
      waiters.push(check);
      check();
    });
  }
  return { proc, conn, waitFor, logs, dir };
}

test('vpcplan lsp in an editor session', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpcplan-lsp-'));
  const file = path.join(dir, 'main.hcl');
  const src = fs.readFileSync(path.join(repo, 'examples', 'ssm_interface_endpoints.hcl'), 'utf8');
  fs.writeFileSync(file, src);
  const uri = url.pathToFileURL(file).href;
  const lines = src.split('\n');
  const at = (needle) => {
    const line = lines.findIndex((l) => l.includes(needle));
    assert.ok(line >= 0, `the example has ${needle}`);
    return { line, character: lines[line].indexOf(needle) };
  };

  const s = start(dir);
  t.after(() => {
    s.conn.dispose();
    s.proc.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const init = await s.conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: url.pathToFileURL(dir).href,
    workspaceFolders: [{ uri: url.pathToFileURL(dir).href, name: 'e2e' }],
    capabilities: {},
  });
  assert.equal(init.capabilities.textDocumentSync.change, rpc.TextDocumentSyncKind.Incremental);
  assert.equal(init.capabilities.hoverProvider, true);
  await s.conn.sendNotification(rpc.InitializedNotification.type, {});

  await s.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'terraform', version: 1, text: src },
  });
  await s.waitFor(uri, (p) => p.version === 1 && p.diagnostics.length === 0);

  await t.test('a mistake is published with the rule id and its range', async () => {
    // "Interface" → "interface": an incremental edit of one character.
    const typ = at('"Interface"');
    await s.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{
        range: { start: { line: typ.line, character: typ.character + 1 }, end: { line: typ.line, character: typ.character + 2 } },
        text: 'i',
      }],
    });
    const p = await s.waitFor(uri, (p) => p.version === 2 && p.diagnostics.length > 0);
    const d = p.diagnostics.find((d) => d.code === 'aws_vpc_endpoint_type_invalid');
    assert.ok(d, `got ${JSON.stringify(p.diagnostics)}`);
    assert.equal(d.severity, rpc.DiagnosticSeverity.Error);
    assert.deepEqual(d.range, {
      start: { line: typ.line, character: typ.character },
      end: { line: typ.line, character: typ.character + '"Interface"'.length },
    });
    assert.match(d.codeDescription.href, /validate\/docs\/aws_vpc_endpoint_type_invalid\.md$/);
    assert.match(d.message, /^Invalid VPC endpoint type/);

    // The quick fix adds an ignore comment above the attribute.
    const actions = await s.conn.sendRequest(rpc.CodeActionRequest.type, {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].edit.changes[uri][0].newText, '  # vpcplan-ignore: aws_vpc_endpoint_type_invalid\n');
  });

  await t.test('completion offers resource types and endpoint types', async () => {
    const typ = at('"Interface"');
    // Inside the value's quotes.
    const values = await s.conn.sendRequest(rpc.CompletionRequest.type, {
      textDocument: { uri }, position: { line: typ.line, character: typ.character + 1 },
    });
    const labels = values.items.map((i) => i.label);
    for (const want of ['Interface', 'Gateway', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork']) {
      assert.ok(labels.includes(want), `${want} in ${labels}`);
    }
    // A resource type being typed on a new last line.
    const end = lines.length;
    await s.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '\nresource "aws_vpc_e' }],
    });
    const types = await s.conn.sendRequest(rpc.CompletionRequest.type, {
      textDocument: { uri }, position: { line: end + 1, character: 'resource "aws_vpc_e'.length },
    });
    const typeLabels = types.items.map((i) => i.label);
    assert.ok(typeLabels.includes('aws_vpc_endpoint'), `aws_vpc_endpoint in ${typeLabels}`);
    // Half-typed: the syntax error is published, the server goes on.
    await s.waitFor(uri, (p) => p.version === 3 && p.diagnostics.some((d) => d.severity === rpc.DiagnosticSeverity.Error));
  });

  await t.test('hover shows the attribute type and description', async () => {
    const pos = at('vpc_endpoint_type');
    const h = await s.conn.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: pos.line, character: pos.character + 3 } });
    assert.match(h.contents.value, /\*\*vpc_endpoint_type\*\* `string, optional, forces replacement`/);
    assert.match(h.contents.value, /The endpoint type/);
  });

  await t.test('go to definition finds the VPC', async () => {
    const ref = at('aws_vpc.main.id');
    const locs = await s.conn.sendRequest(rpc.DefinitionRequest.type, { textDocument: { uri }, position: { line: ref.line, character: ref.character + 9 } });
    const decl = at('resource "aws_vpc" "main"');
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, uri);
    assert.deepEqual(locs[0].range.start, decl);
  });

  await t.test('an unknown method is an error, and the server goes on', async () => {
    await assert.rejects(s.conn.sendRequest('vpcplan/unknown', {}), (err) => err.code === rpc.ErrorCodes.MethodNotFound);
    const syms = await s.conn.sendRequest(rpc.DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(syms.some((x) => x.name === 'resource "aws_vpc" "main"'));
  });

  await t.test('shutdown and exit end the server', async () => {
    await s.conn.sendRequest(rpc.ShutdownRequest.type);
    const exited = new Promise((resolve) => s.proc.on('exit', (code) => resolve(code)));
    await s.conn.sendNotification(rpc.ExitNotification.type);
    assert.equal(await exited, 0);
  });
});
