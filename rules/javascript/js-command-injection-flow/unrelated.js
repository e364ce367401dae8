// A change that adds an unrelated line of the function: the old flow is not reported.
// fixture-added-lines: 5
const { exec } = require("child_process");
app.post("/export", (req, res) => {
  console.info("export requested");
  const dir = req.body.dir;
  // ok: js-command-injection-flow
  exec("tar czf /tmp/out.tgz " + dir);
});
