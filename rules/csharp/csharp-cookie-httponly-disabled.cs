Response.Cookies.Append("auth", value, new CookieOptions
{
    // ruleid: csharp-cookie-httponly-disabled
    HttpOnly = false,
    Secure = true,
});
// ruleid: csharp-cookie-httponly-disabled
app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.None });
// ok: csharp-cookie-httponly-disabled
options.Cookie.HttpOnly = true;
// ok: csharp-cookie-httponly-disabled
app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.Always });
