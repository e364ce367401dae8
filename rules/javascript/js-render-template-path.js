app.get("/pages/:page", (req, res) => {
  // ruleid: js-render-template-path
  res.render(req.params.page, { user: req.user });
});

app.get("/docs/:page", (req, res) => {
  const page = req.params.page;
  if (!PAGES.includes(page)) return res.sendStatus(404);
  // ok: js-render-template-path
  res.render(page);
});

app.get("/profile", (req, res) => {
  // ok: js-render-template-path
  res.render("profile", { name: req.query.name });
});
