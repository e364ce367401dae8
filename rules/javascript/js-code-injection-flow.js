const vm = require("vm");

app.post("/calc", (req, res) => {
  const expr = req.body.expr;
  // ruleid: js-code-injection-flow
  const result = eval(expr);
  // ruleid: js-code-injection-flow
  vm.runInNewContext("total = " + req.body.formula, sandbox);
  // ok: js-code-injection-flow
  const data = JSON.parse(req.body.data);
  // ok: js-code-injection-flow
  setTimeout(() => refresh(expr), 100);
  res.json({ result, data });
});

app.get("/tick", (req, res) => {
  // ruleid: js-code-injection-flow
  setTimeout("refresh('" + req.query.id + "')", 100);
  // ok: js-code-injection-flow
  setTimeout(() => refresh(req.query.id), 100);
  res.end();
});

export default function handleRequest(request, responseStatusCode) {
  const { pipe, abort } = renderToPipeableStream(<RemixServer url={request.url} />);
  // ok: js-code-injection-flow
  setTimeout(abort, ABORT_DELAY);
}
