// ruleid: rust-tls-old-version
let connector = TlsConnector::builder().min_protocol_version(Some(Protocol::Tlsv10)).build()?;
// ruleid: rust-tls-old-version
builder.set_min_proto_version(Some(SslVersion::TLS1_1))?;
// ok: rust-tls-old-version
let connector = TlsConnector::builder().min_protocol_version(Some(Protocol::Tlsv12)).build()?;
