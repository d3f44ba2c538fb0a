using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tianshan.Core.Data;
using Tianshan.Core.Monitoring;
using Tianshan.Core.Platform;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>What the ingest needs to know without touching the database per message: each gateway (enterprise credit
/// code → enterprise and password hash) and each sensor code's store id. Reloaded when sensors or gateways change.</summary>
public sealed class SensorDirectory(IServiceScopeFactory scopes)
{
    public sealed record GatewayEntry(Guid EnterpriseId, string EnterpriseCode, string PasswordHash, FrozenDictionary<string, int> Sensors);

    private FrozenDictionary<string, GatewayEntry> _gateways = FrozenDictionary<string, GatewayEntry>.Empty;
    private readonly ConcurrentDictionary<string, GatewayStats> _stats = new(StringComparer.Ordinal);
    private readonly PasswordHasher<Gateway> _hasher = new();

    /// <summary>The in-process demo feed's login: any enterprise code, with a token that never leaves this process.</summary>
    public const string DemoFeedUser = "tianshan-demo-feed";

    public string DemoFeedToken { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public GatewayEntry? Gateway(string enterpriseCode) => _gateways.GetValueOrDefault(enterpriseCode);

    /// <summary>Counters per gateway (accepted, malformed, unknown sensors, out-of-range times, refused), for the API.</summary>
    public GatewayStats Stats(string enterpriseCode) => _stats.GetOrAdd(enterpriseCode, static code => new GatewayStats(code));

    public IReadOnlyCollection<GatewayStats> AllStats => _stats.Values.ToList();

    public bool CheckPassword(GatewayEntry gateway, string? password) =>
        password is not null && _hasher.VerifyHashedPassword(null!, gateway.PasswordHash, password) != PasswordVerificationResult.Failed;

    public string HashPassword(string password) => _hasher.HashPassword(null!, password);

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var gateways = await db.Gateways.AsNoTracking().Select(g => new { g.EnterpriseId, g.Enterprise!.CreditCode, g.PasswordHash }).ToListAsync(ct);
        var sensors = await db.Sensors.AsNoTracking().Select(s => new { s.EnterpriseId, s.Code, s.StoreId }).ToListAsync(ct);
        var byEnterprise = sensors.GroupBy(s => s.EnterpriseId).ToDictionary(g => g.Key, g => g.ToFrozenDictionary(s => s.Code, s => s.StoreId, StringComparer.Ordinal));
        _gateways = gateways.ToFrozenDictionary(g => g.CreditCode, g => new GatewayEntry(g.EnterpriseId, g.CreditCode, g.PasswordHash,
            byEnterprise.GetValueOrDefault(g.EnterpriseId) ?? FrozenDictionary<string, int>.Empty), StringComparer.Ordinal);
    }
}

/// <summary>Thread-safe counters of one gateway's traffic.</summary>
public sealed class GatewayStats(string enterpriseCode)
{
    private long _accepted, _malformed, _unknownSensor, _outOfRange, _refused;

    public string EnterpriseCode { get; } = enterpriseCode;
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Malformed => Interlocked.Read(ref _malformed);
    public long UnknownSensor => Interlocked.Read(ref _unknownSensor);
    public long OutOfRangeTime => Interlocked.Read(ref _outOfRange);
    public long Refused => Interlocked.Read(ref _refused);

    public void AddAccepted(int n) => Interlocked.Add(ref _accepted, n);
    public void AddMalformed(int n) => Interlocked.Add(ref _malformed, n);
    public void AddUnknownSensor() => Interlocked.Increment(ref _unknownSensor);
    public void AddOutOfRange() => Interlocked.Increment(ref _outOfRange);
    public void AddRefused() => Interlocked.Increment(ref _refused);
}
