// ruleid: csharp-weak-crypto
aes.Mode = CipherMode.ECB;
// ruleid: csharp-weak-crypto
using var des = DES.Create();
// ok: csharp-weak-crypto
using var aes = new AesGcm(key, 16);
