const win = new BrowserWindow({
  webPreferences: {
    // ruleid: js-electron-node-integration
    nodeIntegration: true,
    // ruleid: js-electron-node-integration
    contextIsolation: false,
  },
});
const safe = new BrowserWindow({
  webPreferences: {
    // ok: js-electron-node-integration
    nodeIntegration: false,
    // ok: js-electron-node-integration
    contextIsolation: true,
    preload: path.join(__dirname, "preload.js"),
  },
});
const framed = new BrowserWindow({
  // ok: js-electron-node-integration
  webPreferences: { nodeIntegrationInSubFrames: true, preload },
});
