// The vpcplan extension: starts `vpcplan lsp` for *.tf and *.hcl files and
// connects VS Code to it. Everything else (diagnostics, completion, hover,
// definitions, symbols, formatting, quick fixes) comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('vpcplan').get('path') || 'vpcplan';
  const run = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('vpcplan', 'vpcplan', { run, debug: run }, {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.tf' },
      { scheme: 'file', pattern: '**/*.hcl' },
    ],
    synchronize: {
      // Files changed outside the editor (git checkout, generators) and the
      // rule configuration reach the server as didChangeWatchedFiles.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.tf,*.hcl,*.tf.json,*.hcl.json,.vpcplan.hcl}'),
    },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
