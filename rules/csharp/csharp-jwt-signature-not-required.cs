options.TokenValidationParameters = new TokenValidationParameters
{
    // ruleid: csharp-jwt-signature-not-required
    RequireSignedTokens = false,
    // ruleid: csharp-jwt-signature-not-required
    SignatureValidator = (token, parameters) => new JwtSecurityToken(token),
    // ok: csharp-jwt-signature-not-required
    RequireSignedTokens = true,
    // ok: csharp-jwt-signature-not-required
    IssuerSigningKey = new SymmetricSecurityKey(keyBytes),
};
