var app = builder.Build();
// ruleid: csharp-developer-exception-page
app.UseDeveloperExceptionPage();
if (app.Environment.IsDevelopment())
{
    // ok: csharp-developer-exception-page
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/Error");
}

public class Startup
{
    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        app
            // ruleid: csharp-developer-exception-page
            .UseDatabaseErrorPage();
        if (!env.IsDevelopment())
        {
            app.UseExceptionHandler("/Home/Error");
        }
        else
        {
            // ok: csharp-developer-exception-page
            app.UseDeveloperExceptionPage();
        }
    }

    public void ConfigureDevelopment(IApplicationBuilder app)
    {
        // ok: csharp-developer-exception-page
        app.UseDeveloperExceptionPage();
    }
}
