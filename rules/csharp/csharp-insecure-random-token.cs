var random = new Random();
// ruleid: csharp-insecure-random-token
var resetToken = random.Next(100000, 999999).ToString();
// ruleid: csharp-insecure-random-token
string password = new string(Enumerable.Range(0, 12).Select(_ => chars[new Random().Next(chars.Length)]).ToArray());
// ruleid: csharp-insecure-random-token
random.NextBytes(salt);
// ok: csharp-insecure-random-token
var token = RandomNumberGenerator.GetHexString(32);
// ok: csharp-insecure-random-token
var delayMs = random.Next(100, 500);
// ok: csharp-insecure-random-token
var tokenCount = random.Next(5);
// ok: csharp-insecure-random-token
random.NextBytes(noiseBuffer);
