public class UsersController : Controller
{
    [HttpPost, ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(int id)
    {
        var user = await _db.Users.FindAsync(id);
        // ruleid: csharp-mass-assignment
        if (await TryUpdateModelAsync(user))
        {
            await _db.SaveChangesAsync();
        }
        // ruleid: csharp-mass-assignment
        await TryUpdateModelAsync<AppUser>(user, "");
        // ok: csharp-mass-assignment
        await TryUpdateModelAsync(user, "", u => u.DisplayName, u => u.Email);
        return View(user);
    }
}
