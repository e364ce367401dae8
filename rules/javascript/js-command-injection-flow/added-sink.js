// A change that adds only the sink: the unchanged source above is still reported.
// fixture-added-lines: 7-8
const { exec } = require("child_process");

app.post("/export", (req, res) => {
  const dir = req.body.dir;
  // ruleid: js-command-injection-flow
  exec("tar czf /tmp/out.tgz " + dir);
});
