builder.Services.AddCors(options =>
{
    options.AddPolicy("spa", policy =>
    {
        policy
            // ruleid: csharp-cors-any-origin-credentials
            .SetIsOriginAllowed(_ => true)
            .AllowAnyHeader()
            .AllowCredentials();
    });
    options.AddPolicy("partners", policy =>
    {
        policy
            // ok: csharp-cors-any-origin-credentials
            .SetIsOriginAllowed(origin => _allowed.Contains(origin))
            .AllowCredentials();
    });
    // ok: csharp-cors-any-origin-credentials
    options.AddPolicy("shop", policy => policy.WithOrigins("https://shop.example.com").AllowCredentials());
});
// ruleid: csharp-cors-any-origin-credentials
var cors = new EnableCorsAttribute("*", "*", "*") { SupportsCredentials = true };
// ruleid: csharp-cors-any-origin-credentials
context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"];
context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
