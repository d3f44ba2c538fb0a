using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tianshan.Core.Data;
using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;
using Tianshan.Web.Features.Warnings.Channels;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Warnings;

/// <summary>
/// The outbox dispatcher (docs/decisions/008-warning-outbox.md). At start it settles rows left in flight by the last
/// run (retried with the same key where the gateway de-duplicates, otherwise marked Unknown); then it takes due rows,
/// stores each as Sending with its attempt counted, calls the channel with the delivery key, and stores the outcome —
/// Sent, Delivered, Retrying after back-off, or Failed. A row is claimed through its concurrency token, so two nodes
/// never send the same row.
/// </summary>
public sealed partial class WarningDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeliveryOptions> options,
    ILogger<WarningDispatcher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Look at the outbox now (a warning was just published).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
            _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            int done;
            try
            {
                done = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
                done = 0;
            }
            if (done == 0)
            {
                try
                {
                    await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();
        var inFlight = await db.WarningDeliveries.Where(d => d.Status == DeliveryStatus.Sending).ToListAsync(ct);
        foreach (var d in inFlight)
            d.RecoverInFlight(channels.For(d.Channel).DeduplicatesByKey, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One pass over the due rows (at most 100); returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();
        var now = time.GetUtcNow();
        var due = await db.WarningDeliveries
            .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying) && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(100).ToListAsync(ct);
        var warnings = new Dictionary<Guid, Warning>();
        var attempted = 0;
        foreach (var d in due)
        {
            d.Claim(time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.Entry(d).State = EntityState.Detached;   // another node took it
                continue;
            }
            attempted++;
            if (!warnings.TryGetValue(d.WarningId, out var w))
                warnings[d.WarningId] = w = await db.Warnings.AsNoTracking().FirstAsync(x => x.Id == d.WarningId, ct);
            ChannelResult result;
            try
            {
                result = await channels.For(d.Channel).SendAsync(Message(w, d), ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException
                                          or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
                                      && !ct.IsCancellationRequested)
            {
                result = ChannelResult.Fail($"{e.GetType().Name}: {e.Message}");
            }
            if (result.Accepted)
                d.Accepted(result.Delivered, result.GatewayMessageId, time.GetUtcNow());
            else
                d.AttemptFailed(result.Error ?? "发送失败", result.Permanent, options.Value, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return attempted;
    }

    /// <summary>The text every channel sends: headline, description and what to do (解除: the reason).</summary>
    public static OutgoingMessage Message(Warning w, WarningDelivery d)
    {
        var title = w.MessageType == WarningMessageType.Cancel
            ? w.Headline
            : $"{WarningEventTypes.Name(w.EventType)}{WarningLevels.Colour(w.Level)}预警{(w.MessageType == WarningMessageType.Update ? "（变更）" : "")}";
        var text = w.MessageType == WarningMessageType.Cancel
            ? $"{w.Headline}：{w.Description}"
            : $"{w.Headline}。{w.Description} 防御指南：{w.Instruction} 生效 {ChinaTime.ToChina(w.Onset):MM-dd HH:mm}，至 {ChinaTime.ToChina(w.Expires):MM-dd HH:mm}。";
        return new OutgoingMessage(d.DeliveryKey, d.Address, d.RecipientName, w.Identifier ?? "", w.Level, title, text, w.CapXml ?? "");
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Warning delivery pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>The adapter for each channel kind: the configured gateway, the in-process simulation (demo), or "not configured".</summary>
public sealed class ChannelRegistry(IHttpClientFactory http, IOptions<ChannelOptions> options)
{
    public IWarningChannel For(WarningChannel kind)
    {
        var o = options.Value;
        var configured = kind switch
        {
            WarningChannel.Sms => o.SmsUrl,
            WarningChannel.WeCom => o.WeComUrl,
            WarningChannel.Email => o.SmtpHost,
            WarningChannel.Broadcast => o.BroadcastUrl,
            WarningChannel.DisplayScreen => o.DisplayScreenUrl,
            WarningChannel.Loudspeaker => o.LoudspeakerUrl,
            _ => "in process",
        };
        if (string.IsNullOrEmpty(configured) && o.Simulate)
            return new SimulatedChannel(kind);
        return kind switch
        {
            WarningChannel.Sms => new SmsChannel(http, options),
            WarningChannel.WeCom => new WeComChannel(http, options),
            WarningChannel.Email => new EmailChannel(options),
            WarningChannel.WebPage => new WebPageChannel(),
            _ => new DeviceChannel(kind, http, options),
        };
    }
}
