const unzipper = require("unzipper");
const AdmZip = require("adm-zip");

function extract(stream, dest) {
  stream.pipe(unzipper.Parse()).on("entry", (entry) => {
    const target = path.join(dest, entry.path);
    // ruleid: js-zip-slip
    entry.pipe(fs.createWriteStream(target));
  });
}

function extractSafe(stream, dest) {
  stream.pipe(unzipper.Parse()).on("entry", (entry) => {
    const target = path.resolve(dest, entry.path);
    if (!target.startsWith(path.resolve(dest) + path.sep)) {
      return entry.autodrain();
    }
    // ok: js-zip-slip
    entry.pipe(fs.createWriteStream(target));
  });
}

function extractAdm(file, dest) {
  const zip = new AdmZip(file);
  for (const e of zip.getEntries()) {
    // ruleid: js-zip-slip
    fs.writeFileSync(path.join(dest, e.entryName), e.getData());
    // ok: js-zip-slip
    fs.writeFileSync(path.join(dest, path.basename(e.entryName)), e.getData());
  }
}
