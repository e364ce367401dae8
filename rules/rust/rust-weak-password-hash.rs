// ruleid: rust-weak-password-hash
let digest = md5::compute(password.as_bytes());
// ruleid: rust-weak-password-hash
let stored = Sha256::digest(form.password.as_bytes());
// ok: rust-weak-password-hash
let digest = sha2::Sha256::digest(&payload);
// ok: rust-weak-password-hash
let hash = Argon2::default().hash_password(password.as_bytes(), &salt)?;
