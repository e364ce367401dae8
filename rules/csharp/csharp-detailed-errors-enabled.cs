// ruleid: csharp-detailed-errors-enabled
builder.Services.AddServerSideBlazor().AddCircuitOptions(o => o.DetailedErrors = true);
// ruleid: csharp-detailed-errors-enabled
builder.Services.AddSignalR(o => { o.EnableDetailedErrors = true; });
// ruleid: csharp-detailed-errors-enabled
config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.Always;
// ok: csharp-detailed-errors-enabled
builder.Services.AddServerSideBlazor().AddCircuitOptions(o => o.DetailedErrors = builder.Environment.IsDevelopment());
// ok: csharp-detailed-errors-enabled
config.IncludeErrorDetailPolicy = IncludeErrorDetailPolicy.LocalOnly;
