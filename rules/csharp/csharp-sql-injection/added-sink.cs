// fixture-added-lines: 11
public class ReportsController : Controller
{
    public IActionResult Run()
    {
        var sort = Request.Query["sort"];
        var sql = "SELECT * FROM Reports ORDER BY " + sort;
        _logger.LogInformation("running report");
        var first = new SqlCommand("SELECT 1", _conn);
        // ruleid: csharp-sql-injection
        var cmd = new SqlCommand(sql, _conn);
        return Ok();
    }
}
