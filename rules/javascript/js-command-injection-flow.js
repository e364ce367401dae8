const { exec, execFile, spawn } = require("child_process");
const cp = require("child_process");

app.get("/thumb", (req, res) => {
  const name = req.query.name;
  const cmd = `convert ${name} -resize 64x64 out.png`;
  // ruleid: js-command-injection-flow
  exec(cmd, (err) => res.sendStatus(err ? 500 : 200));
  // ruleid: js-command-injection-flow
  cp.execSync("gzip " + req.body.file);
  // ruleid: js-command-injection-flow
  spawn("tar", ["czf", "out.tgz", name], { shell: true });
  // ok: js-command-injection-flow
  execFile("convert", [name, "-resize", "64x64", "out.png"]);
  // ok: js-command-injection-flow
  spawn("tar", ["czf", "out.tgz", name]);
  // ok: js-command-injection-flow
  exec("uptime");
  const n = parseInt(req.query.n, 10);
  // ok: js-command-injection-flow
  exec(`seq ${n}`);
});
