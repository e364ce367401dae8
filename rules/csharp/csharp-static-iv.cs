public class TokenCipher
{
    // ruleid: csharp-static-iv
    private static readonly byte[] IV = { 0x12, 0x34, 0x56, 0x78, 0x90, 0xab, 0xcd, 0xef, 0x12, 0x34, 0x56, 0x78, 0x90, 0xab, 0xcd, 0xef };

    public byte[] Encrypt(byte[] data)
    {
        using var aes = Aes.Create();
        // ruleid: csharp-static-iv
        aes.IV = Encoding.UTF8.GetBytes("1234567890123456");
        // ruleid: csharp-static-iv
        aes.IV = new byte[16];
        // ruleid: csharp-static-iv
        var enc = aes.CreateEncryptor(_key, new byte[16]);
        // ok: csharp-static-iv
        aes.GenerateIV();
        // ok: csharp-static-iv
        aes.IV = RandomNumberGenerator.GetBytes(16);
        // ok: csharp-static-iv
        var enc2 = aes.CreateEncryptor(_key, aes.IV);
        return enc.TransformFinalBlock(data, 0, data.Length);
    }
}
