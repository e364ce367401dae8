// ruleid: rust-tls-verification-disabled
let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
// ok: rust-tls-verification-disabled
let client = reqwest::Client::builder().add_root_certificate(ca).build()?;
