public class ImagesController : Controller
{
    [HttpGet("{name}")]
    public IActionResult Image(string name, Version version)
    {
        var root = Path.GetFullPath(_imageRoot);
        var path = Path.GetFullPath(name, root);
        if (path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) is false)
        {
            return NotFound();
        }
        // ok: csharp-path-traversal-file-download
        return PhysicalFile(path, "image/png");
    }

    [HttpGet("v/{version}")]
    public IActionResult ByVersion(Version version)
    {
        // ok: csharp-path-traversal-file-download
        return PhysicalFile(Path.Combine(_imageRoot, version.ToString(), "logo.png"), "image/png");
    }
}
