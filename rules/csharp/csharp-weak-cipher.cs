// ruleid: csharp-weak-cipher
using var des = DES.Create();
// ruleid: csharp-weak-cipher
var tdes = new TripleDESCryptoServiceProvider();
// ruleid: csharp-weak-cipher
var rc4 = new RC4Engine();
// ok: csharp-weak-cipher
using var aes = Aes.Create();
// ok: csharp-weak-cipher
var gcm = new AesGcm(key, 16);
// ok: csharp-weak-cipher
var description = Descriptions.Create(item);
