var parameters = new TokenValidationParameters
{
    // ruleid: csharp-jwt-issuer-audience-not-validated
    ValidateIssuer = false,
    // ruleid: csharp-jwt-issuer-audience-not-validated
    ValidateAudience = false,
    // ok: csharp-jwt-issuer-audience-not-validated
    ValidateIssuerSigningKey = false,
    // ok: csharp-jwt-issuer-audience-not-validated
    ValidAudience = "shop-api",
};
