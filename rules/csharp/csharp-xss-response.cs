public class HelloController : Controller
{
    public async Task Hello()
    {
        var name = Request.Query["name"];
        var html = "<h1>Hello " + name + "</h1>";
        // ruleid: csharp-xss-response
        await Response.WriteAsync(html);
    }

    [HttpGet]
    public IActionResult Page(string title)
    {
        // ruleid: csharp-xss-response
        return Content("<title>" + title + "</title>", "text/html");
    }

    [HttpGet]
    public IActionResult Safe(string title)
    {
        var encoded = HtmlEncoder.Default.Encode(title);
        // ok: csharp-xss-response
        return Content("<title>" + encoded + "</title>", "text/html");
    }

    [HttpGet]
    public IActionResult Plain(string title)
    {
        // ok: csharp-xss-response
        return Content(title, "text/plain");
    }
}
