// ruleid: csharp-insecure-cookie-cors
options.Cookie.SecurePolicy = CookieSecurePolicy.None;
// ruleid: csharp-insecure-cookie-cors
policy.SetIsOriginAllowed(_ => true).AllowCredentials();
// ok: csharp-insecure-cookie-cors
options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
