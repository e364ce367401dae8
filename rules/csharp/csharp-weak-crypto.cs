public class LegacyAuth
{
    public string Hash(string password)
    {
        // ruleid: csharp-weak-crypto
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(password));
        using var sha1 = SHA1.Create();
        // ruleid: csharp-weak-crypto
        var h = sha1.ComputeHash(Encoding.UTF8.GetBytes(salt + password));
        // ok: csharp-weak-crypto
        var etag = MD5.HashData(fileBytes);
        // ok: csharp-weak-crypto
        var hasher = new PasswordHasher<User>().HashPassword(user, password);
        return Convert.ToHexString(digest);
    }
}
