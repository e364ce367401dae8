// ruleid: rust-insecure-random-token
let token: String = (0..32).map(|_| fastrand::alphanumeric()).collect();
// ruleid: rust-insecure-random-token
let mut session_rng = StdRng::seed_from_u64(42);
// ok: rust-insecure-random-token
let token = Alphanumeric.sample_string(&mut rand::thread_rng(), 32);
// ok: rust-insecure-random-token
let jitter = fastrand::u64(0..100);
