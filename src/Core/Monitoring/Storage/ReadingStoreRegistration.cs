using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tianshan.Core.Data;

namespace Tianshan.Core.Monitoring.Storage;

public static class ReadingStoreRegistration
{
    /// <summary>Registers the <see cref="IReadingStore"/> of the configured provider (the same Database:Provider and
    /// ConnectionStrings:Tianshan as <see cref="DatabaseRegistration.AddTianshanDb"/>). On PostgreSQL the readings live in
    /// the main database's <c>readings</c> schema; on SQLite in their own file beside the main one
    /// (<see cref="ReadingsFileBeside"/>, with the incoming minute files in a folder beside it: <see cref="SqliteReadingStore"/>),
    /// because SQLite has one writer per file: the ingest commits a batch many
    /// times a second, and sharing the file would make every form save wait behind it and the ingest behind them.</summary>
    public static IServiceCollection AddReadingStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Tianshan (a PostgreSQL connection string).");
            services.AddSingleton<IReadingStore>(sp => new PostgresReadingStore(connectionString, sp.GetService<TimeProvider>()));
        }
        else
        {
            var readings = ReadingsFileBeside(connectionString ?? DatabaseRegistration.DefaultSqlite);
            services.AddSingleton<IReadingStore>(sp => new SqliteReadingStore(readings, sp.GetService<TimeProvider>()));
        }
        return services;
    }

    /// <summary>The readings file for a main SQLite database: data/tianshan.db → data/tianshan-readings.db (folder created).</summary>
    public static string ReadingsFileBeside(string mainConnectionString)
    {
        var main = new SqliteConnectionStringBuilder(mainConnectionString);
        if (main.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(main.DataSource) || main.DataSource == ":memory:")
            throw new InvalidOperationException("The reading store needs a SQLite file: an in-memory database cannot be shared by its connections.");
        var path = Path.GetFullPath(main.DataSource);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + "-readings" + Path.GetExtension(path));
        return new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }
}
