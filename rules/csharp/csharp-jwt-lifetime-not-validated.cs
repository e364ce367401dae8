var parameters = new TokenValidationParameters
{
    // ruleid: csharp-jwt-lifetime-not-validated
    ValidateLifetime = false,
    // ruleid: csharp-jwt-lifetime-not-validated
    RequireExpirationTime = false,
    // ok: csharp-jwt-lifetime-not-validated
    ClockSkew = TimeSpan.FromMinutes(1),
};
// ok: csharp-jwt-lifetime-not-validated
parameters.ValidateLifetime = true;
