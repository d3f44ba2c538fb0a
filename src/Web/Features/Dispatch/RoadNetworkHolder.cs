using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Demo;
using Tianshan.Core.Dispatch;
using Tianshan.Core.Platform;


namespace Tianshan.Web.Features.Dispatch;

/// <summary>The network in use: the graph, where it came from, and a pool of searches over it (each search owns
/// working arrays the size of the graph, so they are reused rather than allocated per request).</summary>
public sealed class RoadNetwork(RoadGraph graph, Guid id, string fileName, bool isDemo, DateTimeOffset importedAt)
{
    private readonly ConcurrentBag<RoadSearch> _searches = [];

    public RoadGraph Graph { get; } = graph;
    public Guid Id { get; } = id;
    public string FileName { get; } = fileName;
    public bool IsDemo { get; } = isDemo;
    public DateTimeOffset ImportedAt { get; } = importedAt;

    public T Search<T>(Func<RoadSearch, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var search = _searches.TryTake(out var pooled) ? pooled : new RoadSearch(Graph);
        try
        {
            return work(search);
        }
        finally
        {
            _searches.Add(search);
        }
    }
}

/// <summary>Holds the road network in memory for the whole host. At start it reads the newest stored network back
/// (or, on a demo install with none, stores and loads the illustrative Dushanzi network); an import replaces it only
/// after the new file has been read whole and stored, so a bad file leaves the previous network in place.</summary>
public sealed class RoadNetworkHolder(IServiceScopeFactory scopes, IOptions<DatabaseOptions> database, TimeProvider time, ILogger<RoadNetworkHolder> logger)
    : IHostedService
{
    private volatile RoadNetwork? _current;

    public RoadNetwork? Current => _current;

    /// <summary>The network, or 409 in Chinese when none has been imported yet.</summary>
    public RoadNetwork Require() => _current ?? throw new WorkflowException("尚未导入路网：请先导入 OSM 或 GeoJSON 路网文件");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var stored = await db.RoadNetworks.AsNoTracking().OrderByDescending(n => n.ImportedAt).ThenByDescending(n => n.Id).FirstOrDefaultAsync(cancellationToken);
        if (stored is null && database.Value.SeedDemo)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
            stored = await StoreAsync(db, DemoRoads.FileName, DemoRoads.GeoJson(), isDemo: true, cancellationToken);
        }
        if (stored is null)
            return;
        using var content = new GZipStream(new MemoryStream(stored.Content), CompressionMode.Decompress);
        var graph = RoadImport.Read(content, stored.Format == RoadFileFormat.OsmGzip ? RoadFileFormat.Osm : stored.Format);
        _current = new RoadNetwork(graph, stored.Id, stored.FileName, stored.IsDemo, stored.ImportedAt);
        DispatchLog.RoadNetworkLoaded(logger, stored.FileName, graph.NodeCount, graph.SegmentCount);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads an uploaded file whole (400 in Chinese if it is not a usable road network), stores it, then
    /// puts it in use.</summary>
    public async Task<StoredRoadNetwork> ImportAsync(TianshanDb db, string fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var format = RoadImport.FormatOf(fileName);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
            throw new DomainValidationException(RoadImport.Field, "路网文件为空");
        if (buffer.Length > RoadImport.MaxBytes)
            throw new DomainValidationException(RoadImport.Field, $"路网文件不能超过 {RoadImport.MaxBytes / 1024 / 1024} MB");
        var bytes = buffer.ToArray();
        var graph = RoadImport.Read(new MemoryStream(bytes), format);
        var stored = await StoreAsync(db, Path.GetFileName(fileName), bytes, isDemo: false, ct, graph);
        _current = new RoadNetwork(graph, stored.Id, stored.FileName, false, stored.ImportedAt);
        DispatchLog.RoadNetworkLoaded(logger, stored.FileName, graph.NodeCount, graph.SegmentCount);
        return stored;
    }

    private async Task<StoredRoadNetwork> StoreAsync(TianshanDb db, string fileName, byte[] bytes, bool isDemo, CancellationToken ct, RoadGraph? graph = null)
    {
        var format = RoadImport.FormatOf(fileName);
        graph ??= RoadImport.Read(new MemoryStream(bytes), format);
        byte[] packed;
        if (format == RoadFileFormat.OsmGzip)
        {
            packed = bytes;
        }
        else
        {
            using var zipped = new MemoryStream();
            await using (var gzip = new GZipStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
                await gzip.WriteAsync(bytes, ct);
            packed = zipped.ToArray();
        }
        var stored = new StoredRoadNetwork
        {
            FileName = fileName.Length > 200 ? fileName[..200] : fileName,
            Format = format,
            Content = packed,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Nodes = graph.NodeCount,
            Segments = graph.SegmentCount,
            Kilometres = Math.Round(graph.TotalMeters / 1000, 3),
            IsDemo = isDemo,
            ImportedBy = db.Scope.UserName,
            ImportedAt = time.GetUtcNow(),
        };
        db.RoadNetworks.Add(stored);
        await db.SaveChangesAsync(ct);
        return stored;
    }
}
