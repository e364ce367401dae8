public class AccountController : Controller
{
    [HttpPost("login")]
    public IActionResult Login([FromForm] string username)
    {
        // ruleid: csharp-log-injection
        _logger.LogWarning("Failed login for " + username);
        var agent = Request.Headers["User-Agent"];
        // ruleid: csharp-log-injection
        _logger.LogInformation($"Login from {agent}");
        return Ok();
    }

    [HttpPost("safe")]
    public IActionResult Safe([FromForm] string username)
    {
        // ok: csharp-log-injection
        _logger.LogWarning("Failed login for {User}", username);
        var clean = username.Replace("\n", "_").Replace("\r", "_");
        // ok: csharp-log-injection
        _logger.LogWarning("Failed login for " + clean);
        // ok: csharp-log-injection
        _logger.LogInformation("Login page shown");
        return Ok();
    }
}
