public class ExportController : Controller
{
    public IActionResult Csv()
    {
        var name = Request.Query["name"];
        // ruleid: csharp-header-injection
        Response.Headers.Add("Content-Disposition", "attachment; filename=" + name);
        return Ok();
    }

    [HttpGet("lang")]
    public IActionResult Lang([FromQuery] string lang)
    {
        // ruleid: csharp-header-injection
        Response.Headers["Content-Language"] = lang;
        return Ok();
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string name, [FromQuery] string lang)
    {
        // ok: csharp-header-injection
        Response.Headers.Add("Content-Disposition", "attachment; filename=" + Uri.EscapeDataString(name));
        var clean = lang.Replace("\r", "").Replace("\n", "");
        // ok: csharp-header-injection
        Response.Headers["Content-Language"] = clean;
        // ok: csharp-header-injection
        Response.Headers["X-Frame-Options"] = "DENY";
        return Ok();
    }
}
