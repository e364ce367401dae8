// ruleid: csharp-log-sensitive-data
_logger.LogInformation("Login attempt {User} {Password}", model.UserName, model.Password);
// ruleid: csharp-log-sensitive-data
_logger.LogDebug($"Calling API with key {apiKey}");
// ruleid: csharp-log-sensitive-data
Log.Information("token refresh: " + refreshToken);
// ok: csharp-log-sensitive-data
_logger.LogInformation("Password changed for {User}", model.UserName);
// ok: csharp-log-sensitive-data
_logger.LogWarning("Token refresh failed for {ClientId}", clientId);
// ok: csharp-log-sensitive-data
_logger.LogInformation("Password length {Length}", model.Password.Length);
