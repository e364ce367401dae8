// ruleid: js-world-writable-permissions
fs.chmodSync(uploadPath, 0o777);
// ruleid: js-world-writable-permissions
await fs.promises.chmod(socketPath, "666");
// ok: js-world-writable-permissions
fs.chmodSync(scriptPath, 0o755);
// ok: js-world-writable-permissions
fs.chmodSync(keyPath, 0o600);
// ok: js-world-writable-permissions
fs.mkdirSync(dir, { recursive: true, mode: 0o777 });
