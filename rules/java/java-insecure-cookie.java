Cookie cookie = new Cookie("SESSION", token);
// ruleid: java-insecure-cookie
// fixed: cookie.setSecure(true);
cookie.setSecure(false);
// ruleid: java-insecure-cookie
// fixed: ResponseCookie rc = ResponseCookie.from("SESSION", token).httpOnly(true).secure(true).build();
ResponseCookie rc = ResponseCookie.from("SESSION", token).httpOnly(true).secure(false).build();
// ok: java-insecure-cookie
cookie.setSecure(true);
// ok: java-insecure-cookie
cookie.setHttpOnly(false);
