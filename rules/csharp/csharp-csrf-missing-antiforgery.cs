public class OrdersController : Controller
{
    [HttpGet]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Index() => View(_orders.List());

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
}

[AutoValidateAntiforgeryToken]
public class CartController : Controller
{
    public IActionResult Index() => View();

    [HttpPost]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Add(int id) => RedirectToAction("Index");
}

[Authorize(AuthenticationSchemes = "Bearer")]
public class DevicesController : Controller
{
    [HttpPost("")]
    // ok: csharp-csrf-missing-antiforgery
    public async Task<DeviceResponse> Post(DeviceRequest model) => await _devices.Save(model);
}

[ApiController]
public class StockController : ControllerBase
{
    [HttpPost]
    // ok: csharp-csrf-missing-antiforgery
    public IActionResult Adjust(int id) => Ok();
}
