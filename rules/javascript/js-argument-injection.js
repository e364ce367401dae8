const { spawn, execFile } = require("child_process");

app.post("/mirror", (req, res) => {
  const repo = req.body.repo;
  // ruleid: js-argument-injection
  spawn("git", ["clone", repo, "/srv/mirror"]);
  // ruleid: js-argument-injection
  execFile("curl", ["-s", req.query.url]);
  // ok: js-argument-injection
  spawn("git", ["clone", "--", repo, "/srv/mirror"]);
  // ok: js-argument-injection
  spawn("git", ["fetch", "origin"]);
  // ok: js-argument-injection
  spawn("ls", ["-l", repo]);
});
