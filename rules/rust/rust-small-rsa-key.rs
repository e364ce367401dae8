// ruleid: rust-small-rsa-key
let key = RsaPrivateKey::new(&mut rng, 1024)?;
// ruleid: rust-small-rsa-key
let rsa = Rsa::generate(1024)?;
// ok: rust-small-rsa-key
let key = RsaPrivateKey::new(&mut rng, 3072)?;
