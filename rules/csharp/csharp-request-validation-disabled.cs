public class CommentsController : Controller
{
    // ruleid: csharp-request-validation-disabled
    [ValidateInput(false)]
    [HttpPost]
    public ActionResult Create(CommentModel model) => View(model);

    // ok: csharp-request-validation-disabled
    [ValidateInput(true)]
    public ActionResult Edit(CommentModel model) => View(model);
}
