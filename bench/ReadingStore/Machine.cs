using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tianshan.Bench;

internal static partial class Machine
{
    public static async Task<string> DescribeAsync(string postgres)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? CpuModel().Match(await File.ReadAllTextAsync("/proc/cpuinfo")).Groups[1].Value.Trim()
            : "unknown CPU";
        var memory = File.Exists("/proc/meminfo")
            ? $"{long.Parse(MemTotal().Match(await File.ReadAllTextAsync("/proc/meminfo")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024} GiB RAM"
            : "";
        var os = File.Exists("/etc/os-release")
            ? PrettyName().Match(await File.ReadAllTextAsync("/etc/os-release")).Groups[1].Value
            : Environment.OSVersion.ToString();
        await using var source = NpgsqlDataSource.Create(postgres);
        await using var pg = source.CreateCommand("SELECT current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes') || ', shared_buffers=' || current_setting('shared_buffers')");
        var pgVersion = await pg.ExecuteScalarAsync();
        await using var sqlite = new SqliteConnection("Data Source=:memory:");
        await sqlite.OpenAsync();
        await using var version = sqlite.CreateCommand();
        version.CommandText = "SELECT sqlite_version()";
        var sqliteVersion = await version.ExecuteScalarAsync();
        return $"nproc {Environment.ProcessorCount}, {cpu}, {memory}; {os}; .NET {Environment.Version}; "
            + $"PostgreSQL {pgVersion}; SQLite {sqliteVersion} (WAL, synchronous=FULL)";
    }

    [GeneratedRegex(@"model name\s*:\s*(.+)")]
    private static partial Regex CpuModel();

    [GeneratedRegex(@"MemTotal:\s*(\d+)")]
    private static partial Regex MemTotal();

    [GeneratedRegex("PRETTY_NAME=\"([^\"]+)\"")]
    private static partial Regex PrettyName();
}
