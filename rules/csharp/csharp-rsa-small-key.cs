// ruleid: csharp-rsa-small-key
using var rsa = new RSACryptoServiceProvider(1024);
// ruleid: csharp-rsa-small-key
using var rsa2 = RSA.Create(512);
// ruleid: csharp-rsa-small-key
dsa.KeySize = 1024;
// ok: csharp-rsa-small-key
using var rsa3 = new RSACryptoServiceProvider(2048);
// ok: csharp-rsa-small-key
using var rsa4 = RSA.Create(3072);
// ok: csharp-rsa-small-key
aes.KeySize = 256;
