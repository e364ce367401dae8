public static class MessageFormatter
{
    public static MarkupString Format(string message)
    {
        var result = new StringBuilder();
        result.Append(HtmlEncoder.Default.Encode(message));
        // ok: csharp-blazor-markupstring
        return new MarkupString(result.ToString());
    }
}
