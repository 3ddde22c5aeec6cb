// Starts `hegao server` (the language server over stdio) for Markdown and plain-text
// drafts. Install: npm install in this folder, then "Developer: Install Extension from
// Location…" (or copy the folder to ~/.vscode/extensions/hegao).
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("hegao").get("path") || "hegao";
  const server = { command, args: ["server"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "hegao",
    "hegao 核稿",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "plaintext" },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{hegao.toml,pyproject.toml}"),
      },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
