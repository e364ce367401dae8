// ruleid: csharp-directory-browsing
builder.Services.AddDirectoryBrowser();
// ruleid: csharp-directory-browsing
app.UseDirectoryBrowser(new DirectoryBrowserOptions { RequestPath = "/files" });
// ruleid: csharp-directory-browsing
app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = true });
// ok: csharp-directory-browsing
app.UseStaticFiles();
// ok: csharp-directory-browsing
app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = false });
