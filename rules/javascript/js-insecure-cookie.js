// ruleid: js-insecure-cookie
res.cookie("sid", sid, { httpOnly: false });
// ruleid: js-insecure-cookie
cookie: { secure: false, maxAge: 3600000 },
// ok: js-insecure-cookie
res.cookie("sid", sid, { httpOnly: true, secure: true, sameSite: "lax" });
