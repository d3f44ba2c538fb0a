using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Prevention;

/// <summary>Reports per client address per window (configuration "Prevention:PublicReports").</summary>
public sealed class PublicReportLimitOptions
{
    public const string Section = "Prevention:PublicReports";

    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int PermitLimit { get; set; } = 5;

    [System.ComponentModel.DataAnnotations.Range(1, 1440)]
    public int WindowMinutes { get; set; } = 10;
}

/// <summary>One fixed window per client address for public reports, whether they come through the API or the public
/// page: a flood from one address is refused without touching the database, and other addresses are unaffected.</summary>
public sealed class PublicReportLimiter(IOptions<PublicReportLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PermitLimit,
            Window = TimeSpan.FromMinutes(options.Value.WindowMinutes),
            QueueLimit = 0,
        }));

    public bool TryAcquire(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(address?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public string Refusal => Text.Of(
        $"同一网络 {options.Value.WindowMinutes} 分钟内最多提交 {options.Value.PermitLimit} 条举报，请稍后再试；紧急情况请拨打 119 或 12350。",
        $"At most {options.Value.PermitLimit} reports per {options.Value.WindowMinutes} minutes from one network; try again later. In an emergency call 119 or 12350.");

    public void Dispose() => _limiter.Dispose();
}
