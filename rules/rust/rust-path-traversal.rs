// ruleid: rust-path-traversal
let body = fs::read_to_string(format!("/srv/files/{}", query.name))?;
// ruleid: rust-path-traversal
NamedFile::open(base.join(path.into_inner()))
// ok: rust-path-traversal
let body = fs::read_to_string(base.join("index.html"))?;
