// ruleid: js-postmessage-any-origin
window.parent.postMessage({ token: session.token }, "*");
// ok: js-postmessage-any-origin
window.parent.postMessage({ token: session.token }, "https://app.example.com");
// ok: js-postmessage-any-origin
worker.postMessage({ cmd: "start" });
