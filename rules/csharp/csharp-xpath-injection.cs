using System.Xml;

public class AccountsController : Controller
{
    [HttpGet]
    public IActionResult Find(string user)
    {
        var expr = "//account[@user='" + user + "']";
        // ruleid: csharp-xpath-injection
        var nodes = _doc.SelectNodes(expr);
        return Ok(nodes.Count);
    }

    [HttpGet]
    public IActionResult Safe(int id)
    {
        // ok: csharp-xpath-injection
        var nodes = _doc.SelectNodes("//account[@id='" + id + "']");
        return Ok(nodes.Count);
    }
}
