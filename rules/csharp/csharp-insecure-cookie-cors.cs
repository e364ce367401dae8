// ruleid: csharp-insecure-cookie-cors
options.Cookie.SecurePolicy = CookieSecurePolicy.None;
Response.Cookies.Append("session", id, new CookieOptions
{
    // ruleid: csharp-insecure-cookie-cors
    Secure = false,
    HttpOnly = true,
});
// ok: csharp-insecure-cookie-cors
options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
// ok: csharp-insecure-cookie-cors
Response.Cookies.Append("theme", theme, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax });
