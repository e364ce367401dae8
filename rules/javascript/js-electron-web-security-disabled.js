const win = new BrowserWindow({
  webPreferences: {
    // ruleid: js-electron-web-security-disabled
    webSecurity: false,
    // ruleid: js-electron-web-security-disabled
    allowRunningInsecureContent: true,
    // ok: js-electron-web-security-disabled
    sandbox: true,
  },
});
// ok: js-electron-web-security-disabled
const other = new BrowserWindow({ webPreferences: { webSecurity: true } });
