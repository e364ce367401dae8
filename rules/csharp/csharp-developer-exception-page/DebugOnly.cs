public void Configure(IApplicationBuilder app)
{
#if DEBUG
    // ok: csharp-developer-exception-page
    app.UseDeveloperExceptionPage();
#endif
}
