// ruleid: rust-predictable-temp-file
let path = std::env::temp_dir().join("app-upload.tmp");
// ruleid: rust-predictable-temp-file
let mut f = File::create("/tmp/report.csv")?;
// ok: rust-predictable-temp-file
let f = tempfile::NamedTempFile::new()?;
// ok: rust-predictable-temp-file
let dir = std::env::temp_dir().join(format!("app-{}", Uuid::new_v4()));
/// ```
// ok: rust-predictable-temp-file
/// let some_path = std::env::temp_dir().join("some-file.txt");
/// ```
