const fs = require("fs");
const path = require("path");

app.get("/files", (req, res) => {
  const file = path.join(ROOT, req.query.name);
  // ruleid: js-path-traversal-flow
  fs.readFile(file, "utf8", (err, data) => res.send(err ? "" : data.length.toString()));
  // ruleid: js-path-traversal-flow
  res.download(path.join(FILES, req.params.filename));
  // ok: js-path-traversal-flow
  res.download(path.join(FILES, path.basename(req.params.filename)));
  // ok: js-path-traversal-flow
  fs.readFile(path.join(ROOT, "index.html"), () => {});
});

app.get("/doc", (req, res) => {
  const full = path.resolve(ROOT, req.query.name);
  if (!full.startsWith(ROOT + path.sep)) {
    return res.sendStatus(403);
  }
  // ok: js-path-traversal-flow
  fs.createReadStream(full).pipe(res);
});
