// ruleid: js-message-listener-no-origin-check
window.addEventListener("message", (event) => {
  applySettings(event.data);
});
// ok: js-message-listener-no-origin-check
window.addEventListener("message", (event) => {
  if (event.origin !== "https://app.example.com") return;
  applySettings(event.data);
});
// ok: js-message-listener-no-origin-check
self.addEventListener("message", (event) => {
  run(event.data);
});
// ruleid: js-message-listener-no-origin-check
window.onmessage = function (e) {
  document.title = e.data.title;
};
