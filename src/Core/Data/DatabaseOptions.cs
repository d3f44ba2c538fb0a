using System.ComponentModel.DataAnnotations;

namespace Tianshan.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>"Database" section: which provider, and whether migrations are applied at start (an on-premises appliance).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seed the Dushanzi demo into an empty database on first start.</summary>
    public bool SeedDemo { get; set; } = true;
}
