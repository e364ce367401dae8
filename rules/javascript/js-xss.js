const escapeHtml = require("escape-html");

app.get("/hello", (req, res) => {
  const name = req.query.name;
  const page = `<h1>Hello ${name}</h1>`;
  // ruleid: js-xss
  res.send(page);
  // ok: js-xss
  res.send(`<h1>Hello ${escapeHtml(name)}</h1>`);
  // ok: js-xss
  res.json({ name });
});

function showSearch() {
  const params = new URLSearchParams(location.search);
  const q = params.get("q");
  // ruleid: js-xss
  document.getElementById("title").innerHTML = "Results for " + q;
  // ok: js-xss
  document.getElementById("title").textContent = "Results for " + q;
  // ok: js-xss
  document.getElementById("body").innerHTML = DOMPurify.sanitize(q);
}

window.addEventListener("message", (event) => {
  // ruleid: js-xss
  document.getElementById("out").innerHTML = event.data.html;
});
