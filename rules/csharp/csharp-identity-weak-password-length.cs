builder.Services.AddIdentity<AppUser, IdentityRole>(options =>
{
    // ruleid: csharp-identity-weak-password-length
    options.Password.RequiredLength = 4;
    // ok: csharp-identity-weak-password-length
    options.Password.RequiredUniqueChars = 1;
});
// ok: csharp-identity-weak-password-length
options.Password.RequiredLength = 12;
