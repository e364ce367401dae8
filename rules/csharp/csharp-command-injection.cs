using System.Diagnostics;

public class ToolsController : Controller
{
    public IActionResult Ping()
    {
        var host = Request.Query["host"];
        var line = "/c ping " + host;
        // ruleid: csharp-command-injection
        Process.Start("cmd.exe", line);
        return Ok();
    }

    [HttpPost]
    public IActionResult Convert(string file)
    {
        var psi = new ProcessStartInfo
        {
            FileName = "convert",
            // ruleid: csharp-command-injection
            Arguments = $"{file} out.png",
        };
        Process.Start(psi);
        return Ok();
    }

    [HttpPost]
    public IActionResult Safe(string host)
    {
        var psi = new ProcessStartInfo("ping");
        psi.ArgumentList.Add(host);
        // ok: csharp-command-injection
        Process.Start(psi);
        // ok: csharp-command-injection
        Process.Start("cmd.exe", "/c dir");
        return Ok();
    }
}
