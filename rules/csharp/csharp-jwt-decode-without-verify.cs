// ruleid: csharp-jwt-decode-without-verify
var claims = JwtBuilder.Create().WithAlgorithm(new HMACSHA256Algorithm()).DoNotVerifySignature().Decode<IDictionary<string, object>>(token);
// ruleid: csharp-jwt-decode-without-verify
var json = decoder.Decode(token, key, verify: false);
// ok: csharp-jwt-decode-without-verify
var verified = decoder.Decode(token, key, verify: true);
// ok: csharp-jwt-decode-without-verify
var payload = JwtBuilder.Create().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(secret).MustVerifySignature().Decode(token);
// ok: csharp-jwt-decode-without-verify
var frame = decoder.Decode(buffer, offset, false);
// ruleid: csharp-jwt-decode-without-verify
var unverified = decoder.Decode(bearerToken, secretBytes, false);
