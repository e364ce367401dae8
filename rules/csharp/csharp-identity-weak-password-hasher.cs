services.Configure<PasswordHasherOptions>(options =>
{
    // ruleid: csharp-identity-weak-password-hasher
    options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2;
    // ruleid: csharp-identity-weak-password-hasher
    options.IterationCount = 1000;
    // ok: csharp-identity-weak-password-hasher
    options.IterationCount = 310000;
    // ok: csharp-identity-weak-password-hasher
    options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
});
