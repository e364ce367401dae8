// ruleid: csharp-ssrf
var body = await _http.GetStringAsync(Request.Query["url"]);
// ok: csharp-ssrf
var body = await _http.GetStringAsync(_options.BaseUrl + "/health");
