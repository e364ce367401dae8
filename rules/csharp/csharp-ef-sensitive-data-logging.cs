builder.Services.AddDbContext<ShopContext>(options =>
    options.UseSqlServer(connectionString)
        // ruleid: csharp-ef-sensitive-data-logging
        .EnableSensitiveDataLogging());

protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
{
    // ruleid: csharp-ef-sensitive-data-logging
    optionsBuilder.EnableSensitiveDataLogging(true);
    // ok: csharp-ef-sensitive-data-logging
    optionsBuilder.EnableSensitiveDataLogging(_env.IsDevelopment());
    if (_env.IsDevelopment())
    {
        // ok: csharp-ef-sensitive-data-logging
        optionsBuilder.EnableSensitiveDataLogging();
    }
    // ok: csharp-ef-sensitive-data-logging
    optionsBuilder.EnableDetailedErrors();
}
