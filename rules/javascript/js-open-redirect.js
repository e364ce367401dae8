app.get("/login", (req, res) => {
  const next = req.query.next;
  // ruleid: js-open-redirect
  res.redirect(next);
});

app.get("/done", (req, res) => {
  const next = req.query.next;
  if (!ALLOWED_PATHS.includes(next)) {
    return res.redirect("/");
  }
  // ok: js-open-redirect
  res.redirect(next);
});

function go() {
  const target = new URLSearchParams(location.search).get("to");
  // ruleid: js-open-redirect
  window.location.href = target;
  // ok: js-open-redirect
  window.location.href = "/home";
}
