public class ProfileController : Controller
{
    // ruleid: csharp-csrf-ignore-antiforgery
    [IgnoreAntiforgeryToken]
    [HttpPost]
    public IActionResult Update(ProfileModel model) => View(model);

    // ok: csharp-csrf-ignore-antiforgery
    [ValidateAntiForgeryToken]
    [HttpPost]
    public IActionResult Save(ProfileModel model) => View(model);
}
// ruleid: csharp-csrf-ignore-antiforgery
app.MapPost("/upload", Upload).DisableAntiforgery();
// ok: csharp-csrf-ignore-antiforgery
app.MapPost("/profile", SaveProfile).RequireAuthorization();
