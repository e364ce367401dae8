// ruleid: js-command-injection
exec(`convert ${req.query.file} out.png`, cb);
// ruleid: js-command-injection
child_process.execSync("git checkout " + branch);
// ok: js-command-injection
execFile("convert", [file, "out.png"], cb);
// ok: js-command-injection
const m = /(\d+)/.exec(text);
