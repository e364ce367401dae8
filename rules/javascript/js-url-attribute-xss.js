function setupBack() {
  const next = new URLSearchParams(location.search).get("next");
  const link = document.getElementById("back");
  // ruleid: js-url-attribute-xss
  link.href = next;
  // ruleid: js-url-attribute-xss
  frame.setAttribute("src", next);
  // ok: js-url-attribute-xss
  link.textContent = next;
  // ok: js-url-attribute-xss
  img.src = "/static/logo.png";
}

function setupSafe() {
  const next = new URLSearchParams(location.search).get("next");
  if (!next.startsWith("https://")) return;
  // ok: js-url-attribute-xss
  document.getElementById("back").href = next;
}
