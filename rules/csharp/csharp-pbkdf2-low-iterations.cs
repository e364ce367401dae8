public static class Passwords
{
    public static byte[] Hash(string password, byte[] salt)
    {
        // ruleid: csharp-pbkdf2-low-iterations
        using var kdf = new Rfc2898DeriveBytes(password, salt);
        // ruleid: csharp-pbkdf2-low-iterations
        using var kdf2 = new Rfc2898DeriveBytes(password, salt, 1000, HashAlgorithmName.SHA256);
        // ruleid: csharp-pbkdf2-low-iterations
        var k = KeyDerivation.Pbkdf2(password: password, salt: salt, prf: KeyDerivationPrf.HMACSHA256, iterationCount: 5000, numBytesRequested: 32);
        // ok: csharp-pbkdf2-low-iterations
        var good = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
        // ok: csharp-pbkdf2-low-iterations
        using var kdf3 = new Rfc2898DeriveBytes(password, salt, Iterations, HashAlgorithmName.SHA256);
        // ok: csharp-pbkdf2-low-iterations
        var k2 = KeyDerivation.Pbkdf2(password: password, salt: salt, prf: KeyDerivationPrf.HMACSHA256, iterationCount: 100000, numBytesRequested: 32);
        return kdf.GetBytes(32);
    }
}
