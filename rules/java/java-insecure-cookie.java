// ruleid: java-insecure-cookie
cookie.setHttpOnly(false);
// ok: java-insecure-cookie
cookie.setHttpOnly(true);
