using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Data;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Tianshan";
    public const string DefaultSqlite = "Data Source=data/tianshan.db";

    /// <summary>
    /// An entity and its owned lists load in one query, EF's default, here chosen explicitly: the lists are short (a
    /// plan's four response levels, an alarm's events) and one query reads one consistent snapshot. Until a behaviour is
    /// configured EF warns on every such query. A query that loads long collections asks for AsSplitQuery itself.
    /// </summary>
    private const QuerySplittingBehavior OwnedListsInOneQuery = QuerySplittingBehavior.SingleQuery;

    /// <summary>Registers the provider's context and <see cref="TianshanDb"/> as an alias for it.</summary>
    public static IServiceCollection AddTianshanDb(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddScoped<CurrentUser>();
        services.AddSingleton<AuditInterceptor>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Tianshan (a PostgreSQL connection string).");
            services.AddDbContext<PostgresTianshanDb>((sp, o) => o.UseNpgsql(connectionString, n => n.UseQuerySplittingBehavior(OwnedListsInOneQuery))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<TianshanDb>(sp => sp.GetRequiredService<PostgresTianshanDb>());
        }
        else
        {
            var sqlite = PrepareSqlite(connectionString ?? DefaultSqlite);
            services.AddDbContext<SqliteTianshanDb>((sp, o) => o.UseSqlite(sqlite, l => l.UseQuerySplittingBehavior(OwnedListsInOneQuery))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<TianshanDb>(sp => sp.GetRequiredService<SqliteTianshanDb>());
        }
        return services;
    }

    /// <summary>Creates the SQLite file's folder; WAL is switched on when migrating (it is stored in the file).</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.Mode != SqliteOpenMode.Memory)
            Directory.CreateDirectory(folder);
        return builder.ToString();
    }

    /// <summary>Applies the provider's migrations; on SQLite switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(this TianshanDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
