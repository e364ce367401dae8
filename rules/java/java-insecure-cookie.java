// ruleid: java-insecure-cookie
cookie.setHttpOnly(false);
// ok: java-insecure-cookie
cookie.setHttpOnly(true);
// ruleid: java-insecure-cookie
// fixed: cookie.setSecure(true);
cookie.setSecure(false);
