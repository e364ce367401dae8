public class OrdersController : Controller
{
    [HttpPost]
    // ruleid: csharp-csrf-missing-antiforgery
    public IActionResult Cancel(int id) => RedirectToAction("Index");

    [HttpPost]
    [ValidateAntiForgeryToken]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Confirm(int id) => RedirectToAction("Index");

    [HttpPost("api/orders")]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Create([FromBody] OrderDto dto) => Ok();

    [HttpGet]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Index() => View();
}

[AutoValidateAntiforgeryToken]
public class CartController : Controller
{
    [HttpPost]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Add(int id) => RedirectToAction("Index");
}

[ApiController]
public class StockController : ControllerBase
{
    [HttpPost]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Adjust(int id) => Ok();
}
