const ejs = require("ejs");
const nunjucks = require("nunjucks");

app.get("/page", (req, res) => {
  // ruleid: js-template-injection
  res.send(ejs.render("<h1>" + req.query.title + "</h1>"));
  const tpl = req.body.template;
  // ruleid: js-template-injection
  const out = nunjucks.renderString(tpl, { user: req.user });
  // ok: js-template-injection
  res.send(ejs.render("<h1><%= title %></h1>", { title: req.query.title }));
  // ok: js-template-injection
  const page = nunjucks.render("page.njk", { q: req.query.q });
  res.send(out + page);
});
