using System.Diagnostics;

public class MirrorController : Controller
{
    [HttpPost]
    public IActionResult Clone(string repo)
    {
        var args = "clone " + repo + " /srv/mirror";
        // ruleid: csharp-argument-injection
        Process.Start("git", args);
        return Ok();
    }

    [HttpPost]
    public IActionResult Safe(string repo)
    {
        // ok: csharp-argument-injection
        Process.Start("git", "clone -- " + repo + " /srv/mirror");
        // ok: csharp-argument-injection
        Process.Start("git", "fetch origin");
        return Ok();
    }
}
