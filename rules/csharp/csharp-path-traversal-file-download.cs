public class DownloadsController : Controller
{
    [HttpGet("download")]
    public IActionResult Download(string file)
    {
        var path = Path.Combine(_root, file);
        // ruleid: csharp-path-traversal-file-download
        return PhysicalFile(path, "application/octet-stream");
    }

    public void Legacy()
    {
        var name = Request.QueryString["name"];
        // ruleid: csharp-path-traversal-file-download
        Response.TransmitFile(Server.MapPath("~/files/") + name);
    }

    [HttpGet("safe")]
    public IActionResult Safe(string file)
    {
        var only = Path.GetFileName(file);
        // ok: csharp-path-traversal-file-download
        return PhysicalFile(Path.Combine(_root, only), "application/pdf");
    }

    [HttpGet("fixed")]
    public IActionResult Fixed(string file)
    {
        // ok: csharp-path-traversal-file-download
        return PhysicalFile(Path.Combine(_root, "manual.pdf"), "application/pdf");
    }
}
