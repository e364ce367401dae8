public class AccountController : Controller
{
    [HttpGet]
    public IActionResult Done(string returnUrl)
    {
        var target = returnUrl.Trim();
        // ruleid: csharp-open-redirect
        return Redirect(target);
    }

    public IActionResult Legacy()
    {
        // ruleid: csharp-open-redirect
        Response.Redirect(Request.Query["next"]);
        return Ok();
    }

    [HttpGet]
    public IActionResult Safe(string returnUrl)
    {
        var next = returnUrl;
        if (!Url.IsLocalUrl(next))
        {
            return BadRequest();
        }
        // ok: csharp-open-redirect
        return Redirect(next);
    }

    [HttpGet]
    public IActionResult Local(string returnUrl)
    {
        // ok: csharp-open-redirect
        return LocalRedirect(returnUrl);
    }
}
