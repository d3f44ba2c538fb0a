namespace Tianshan.Core.Dispatch;

/// <summary>The road network in use, kept as the file it was imported from (gzip-compressed) so a restart reads it
/// back exactly and a backup of the database holds it. The newest row is the one in use; older rows stay as the
/// record of what was imported when.</summary>
public sealed class StoredRoadNetwork
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string FileName { get; set; } = "";
    public RoadFileFormat Format { get; set; }
    /// <summary>The file, gzip-compressed (an .osm.gz as uploaded).</summary>
    public byte[] Content { get; set; } = [];
    /// <summary>Size of the file as uploaded, bytes.</summary>
    public long Size { get; set; }
    /// <summary>SHA-256 of the file as uploaded, hex: what the audit log keeps instead of the bytes.</summary>
    public string Sha256 { get; set; } = "";
    public int Nodes { get; set; }
    public int Segments { get; set; }
    public double Kilometres { get; set; }
    /// <summary>The illustrative network shipped with the demo, not a survey.</summary>
    public bool IsDemo { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
}
