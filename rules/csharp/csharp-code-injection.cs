public class CalcController : Controller
{
    [HttpPost]
    public async Task<IActionResult> Eval(string expr)
    {
        var code = "return " + expr + ";";
        // ruleid: csharp-code-injection
        var result = await CSharpScript.EvaluateAsync(code);
        return Ok(result);
    }

    [HttpPost]
    public async Task<IActionResult> Safe(int a, int b)
    {
        // ok: csharp-code-injection
        var result = await CSharpScript.EvaluateAsync("1 + 2");
        return Ok(result);
    }
}
