services.AddAuthentication().AddJwtBearer(options =>
{
    options.Authority = "https://login.example.com";
    // ruleid: csharp-https-metadata-disabled
    options.RequireHttpsMetadata = false;
});
// ok: csharp-https-metadata-disabled
options.RequireHttpsMetadata = true;
// ok: csharp-https-metadata-disabled
options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
