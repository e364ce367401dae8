// ruleid: rust-world-writable-permissions
fs::set_permissions(&path, Permissions::from_mode(0o777))?;
// ruleid: rust-world-writable-permissions
perms.set_mode(0o666);
// ok: rust-world-writable-permissions
fs::set_permissions(&path, Permissions::from_mode(0o600))?;
// ok: rust-world-writable-permissions
perms.set_mode(0o755);
