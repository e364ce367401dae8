// ruleid: js-path-traversal
res.sendFile(path.join(__dirname, "uploads", req.query.name));
// ruleid: js-path-traversal
fs.readFile("/data/" + req.params.file, cb);
// ok: js-path-traversal
res.sendFile(path.join(__dirname, "public", "index.html"));
