using System.DirectoryServices;

public class DirectoryController : Controller
{
    [HttpGet]
    public IActionResult Find(string user)
    {
        var filter = "(&(objectClass=person)(sAMAccountName=" + user + "))";
        // ruleid: csharp-ldap-injection
        var searcher = new DirectorySearcher(filter);
        var other = new DirectorySearcher(_root);
        // ruleid: csharp-ldap-injection
        other.Filter = $"(mail={user})";
        return Ok();
    }

    [HttpGet]
    public IActionResult Safe(string user)
    {
        var escaped = Encoder.LdapFilterEncode(user);
        // ok: csharp-ldap-injection
        var searcher = new DirectorySearcher("(sAMAccountName=" + escaped + ")");
        return Ok();
    }
}
