using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Tianshan.Web.Tests;

/// <summary>The real host over a real database, seeded with the Dushanzi demo. One per provider, shared by a collection.</summary>
public abstract class TianshanApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo-Pass-2026!";

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    /// <summary>The embedded broker's port, or null for no MQTT (most tests need none).</summary>
    public int? MqttPort { get; protected init; }

    /// <summary>A fake clock for the host, or null for real time.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; protected init; }

    /// <summary>Public reports taken per client address per window.</summary>
    public int PublicReportLimit { get; protected init; } = 10_000;

    /// <summary>"host:port" of the external broker to subscribe to instead of embedding one.</summary>
    public string? ExternalBroker { get; protected init; }

    /// <summary>The mosquitto that ./test.sh starts (TIANSHAN_TEST_MOSQUITTO).</summary>
    public static string Mosquitto =>
        Environment.GetEnvironmentVariable("TIANSHAN_TEST_MOSQUITTO") is { Length: > 0 } broker
            ? broker
            : throw new InvalidOperationException("TIANSHAN_TEST_MOSQUITTO is not set: run the tests with ./test.sh, which starts a throwaway mosquitto");

    /// <summary>A free TCP port on 127.0.0.1, for a broker a test starts.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public virtual ValueTask InitializeAsync()
    {
        // Starting the server runs migrations and the first-start seeding.
        _ = Server;
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Tianshan", ConnectionString);
        builder.UseSetting("TIANSHAN_DEMO_PASSWORD", DemoPassword);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Monitoring:DemoFeed", "false");
        builder.UseSetting("Mqtt:Enabled", MqttPort is null ? "false" : "true");
        if (MqttPort is { } port)
            builder.UseSetting("Mqtt:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ExternalBroker is { } broker)
        {
            builder.UseSetting("Mqtt:Enabled", "true");
            builder.UseSetting("Mqtt:Broker", broker);
            builder.UseSetting("Mqtt:ClientId", "tianshan-test-" + Guid.NewGuid().ToString("N"));
        }
        // Tests share one client address: the public-report limit is lifted here and tested on its own host.
        builder.UseSetting("Prevention:PublicReports:PermitLimit", PublicReportLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        builder.UseEnvironment("Testing");
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> _cookies = [];

    /// <summary>The login cookie of a client from <see cref="LoginAsync"/>, for a SignalR connection.</summary>
    public string CookieOf(HttpClient client) =>
        _cookies.TryGetValue(client, out var container) ? container.GetCookieHeader(Server.BaseAddress) : "";

    /// <summary>A client logged in as a demo user (cookies kept).</summary>
    public async Task<HttpClient> LoginAsync(string userName, string language = "zh-CN")
    {
        var container = new CookieContainer();
        var client = CreateDefaultClient(Server.BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(container));
        _cookies.Add(client, container);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }
}

public class SqliteApp : TianshanApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tianshan-test-{Guid.NewGuid():N}.db");

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={_file}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        GC.SuppressFinalize(this);
    }
}

/// <summary>A throwaway database on the PostgreSQL server the test command started (TIANSHAN_TEST_POSTGRES).</summary>
public class PostgresApp : TianshanApp
{
    private readonly string _database = $"tianshan_test_{Guid.NewGuid():N}";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TIANSHAN_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "TIANSHAN_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL, " +
                "or set it to a server connection string such as Host=127.0.0.1;Port=55432;Username=postgres");

    protected override string Provider => "Postgres";

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ToString();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class OnSqlite : ICollectionFixture<SqliteApp>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class OnPostgres : ICollectionFixture<PostgresApp>
{
    public const string Name = "PostgreSQL";
}

/// <summary>The same hosts with the embedded MQTT broker on a free port.</summary>
public sealed class MqttSqliteApp : SqliteApp
{
    public MqttSqliteApp() => MqttPort = FreePort();
}

public sealed class MqttPostgresApp : PostgresApp
{
    public MqttPostgresApp() => MqttPort = FreePort();
}

[CollectionDefinition(Name)]
public sealed class WithMqttOnSqlite : ICollectionFixture<MqttSqliteApp>
{
    public const string Name = "SQLite with MQTT";
}

[CollectionDefinition(Name)]
public sealed class WithMqttOnPostgres : ICollectionFixture<MqttPostgresApp>
{
    public const string Name = "PostgreSQL with MQTT";
}

/// <summary>SQLite host subscribed to the external mosquitto that ./test.sh starts.</summary>
public sealed class ExternalMqttSqliteApp : SqliteApp
{
    public ExternalMqttSqliteApp() => ExternalBroker = Mosquitto;
}

[CollectionDefinition(Name)]
public sealed class WithExternalMqtt : ICollectionFixture<ExternalMqttSqliteApp>
{
    public const string Name = "SQLite with external mosquitto";
}

/// <summary>SQLite host with MQTT and a fake clock that the test moves forward.</summary>
/// <summary>A host with the production limit of public reports (5 per 10 minutes per address).</summary>
public sealed class RateLimitedSqliteApp : SqliteApp
{
    public RateLimitedSqliteApp()
    {
        PublicReportLimit = 5;
    }
}

public sealed class ClockedSqliteApp : SqliteApp
{
    public ClockedSqliteApp()
    {
        MqttPort = FreePort();
        Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
    }
}
