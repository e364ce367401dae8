using System.Text.RegularExpressions;

public class SearchController : Controller
{
    [HttpGet("grep")]
    public IActionResult Grep([FromQuery] string pattern)
    {
        // ruleid: csharp-regex-injection
        var re = new Regex(pattern, RegexOptions.IgnoreCase);
        // ruleid: csharp-regex-injection
        var hit = Regex.IsMatch(_text, "^" + pattern);
        return Ok(re.IsMatch(_text) || hit);
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string pattern, [FromQuery] string input)
    {
        // ok: csharp-regex-injection
        var a = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        // ok: csharp-regex-injection
        var b = Regex.IsMatch(_text, Regex.Escape(pattern));
        // ok: csharp-regex-injection
        var c = Regex.IsMatch(input, "^[a-z0-9]+$");
        // ok: csharp-regex-injection
        var d = new Regex(pattern, RegexOptions.NonBacktracking);
        return Ok(b && c);
    }
}
