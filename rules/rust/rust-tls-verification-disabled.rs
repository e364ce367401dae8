// ruleid: rust-tls-verification-disabled
let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
// ok: rust-tls-verification-disabled
let client = reqwest::Client::builder().add_root_certificate(ca).build()?;
// ruleid: rust-tls-verification-disabled
// fixed: let client = reqwest::Client::builder().danger_accept_invalid_certs(false).build()?;
let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
