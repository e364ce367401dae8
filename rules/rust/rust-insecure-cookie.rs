use actix_web::cookie::Cookie;
// ruleid: rust-insecure-cookie
let c = Cookie::build("session", token).secure(false).finish();
// ruleid: rust-insecure-cookie
let c = Cookie::build("session", token).http_only(false).finish();
// ok: rust-insecure-cookie
let c = Cookie::build("session", token).secure(true).http_only(true).finish();
