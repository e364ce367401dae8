// ruleid: rust-static-iv
let nonce = Nonce::from_slice(b"unique nonce");
// ruleid: rust-static-iv
let iv = GenericArray::from_slice(&[0u8; 16]);
// ok: rust-static-iv
let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
// ok: rust-static-iv
let nonce = Nonce::from_slice(&stored[..12]);
