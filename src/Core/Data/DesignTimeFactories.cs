using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tianshan.Core.Data;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTianshanDb>
{
    public SqliteTianshanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTianshanDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTianshanDb>
{
    public PostgresTianshanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTianshanDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
