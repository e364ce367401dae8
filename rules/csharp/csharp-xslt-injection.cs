using System.Xml.Xsl;

public class ReportController : Controller
{
    [HttpPost("render")]
    public IActionResult Render([FromForm] string stylesheetUrl)
    {
        var xslt = new XslCompiledTransform();
        // ruleid: csharp-xslt-injection
        xslt.Load(stylesheetUrl);
        return Ok();
    }

    [HttpPost("safe")]
    public IActionResult Safe([FromForm] string theme)
    {
        var xslt = new XslCompiledTransform();
        // ok: csharp-xslt-injection
        xslt.Load(Path.Combine(_env.ContentRootPath, "Reports", "report.xslt"));
        var args = new XsltArgumentList();
        args.AddParam("theme", "", theme);
        // ok: csharp-xslt-injection
        _settings.Load(theme);
        return Ok();
    }
}
