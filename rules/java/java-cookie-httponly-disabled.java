Cookie cookie = new Cookie("SESSION", token);
// ruleid: java-cookie-httponly-disabled
// fixed: cookie.setHttpOnly(true);
cookie.setHttpOnly(false);
// ruleid: java-cookie-httponly-disabled
ResponseCookie rc = ResponseCookie.from("SESSION", token).secure(true).httpOnly(false).build();
// ok: java-cookie-httponly-disabled
cookie.setHttpOnly(true);
// ok: java-cookie-httponly-disabled
cookie.setSecure(false);
