using System.Collections.Concurrent;
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
/// run (retried with the same key where the gateway de-duplicates, otherwise marked Unknown). Then every channel is sent
/// on its own loop, so a gateway that is slow, timing out or failing never holds up another channel (ADR 008 §8): the
/// loop takes that channel's due rows and sends up to <see cref="DeliveryOptions.ParallelPerChannel"/> side by side. Each
/// row, in its own unit of work, is stored as Sending with its attempt counted, handed to the channel with the delivery
/// key, and its outcome stored — Sent, Delivered, Retrying after back-off, or Failed. A row is claimed through its
/// concurrency token, so two nodes (or two passes) never send the same row.
/// </summary>
public sealed partial class WarningDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeliveryOptions> options,
    ILogger<WarningDispatcher> logger) : BackgroundService
{
    /// <summary>Rows one pass of a channel's loop takes; the loop comes straight back while a pass was full.</summary>
    private const int PassSize = 100;

    private readonly Dictionary<WarningChannel, SemaphoreSlim> _wake = ChannelLabels.All.ToDictionary(c => c, _ => new SemaphoreSlim(0));

    /// <summary>Look at the outbox now (a warning was just published or a delivery queued again).</summary>
    public void Wake()
    {
        foreach (var signal in _wake.Values)
        {
            if (signal.CurrentCount == 0)
                signal.Release();
        }
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
        await Task.WhenAll(ChannelLabels.All.Select(channel => Task.Run(() => ChannelLoopAsync(channel, stoppingToken), CancellationToken.None)));
    }

    private async Task ChannelLoopAsync(WarningChannel channel, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                taken = await RunOnceAsync(channel, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
                taken = 0;
            }
            if (taken < PassSize)
            {
                try
                {
                    await _wake[channel].WaitAsync(options.Value.PollInterval, stoppingToken);
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

    /// <summary>One pass over a channel's due rows (at most <see cref="PassSize"/>, oldest first), up to
    /// <see cref="DeliveryOptions.ParallelPerChannel"/> at a time; returns how many rows it took.</summary>
    private async Task<int> RunOnceAsync(WarningChannel channel, CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
            var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
            var now = time.GetUtcNow();
            due = await db.WarningDeliveries
                .Where(d => d.Channel == channel && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Retrying) && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(PassSize).ToListAsync(ct);
        }
        if (due.Count == 0)
            return 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelPerChannel, CancellationToken = ct };
        var warnings = new ConcurrentDictionary<Guid, Warning>();   // read-only, shared by the pass (one warning, many rows)
        await Parallel.ForEachAsync(due, parallel, async (id, token) => await SendAsync(id, warnings, token));
        return due.Count;
    }

    /// <summary>Claims one row, calls its channel and stores the outcome, in a unit of work of its own (a DbContext is not
    /// shared between the rows sent side by side).</summary>
    private async Task SendAsync(Guid id, ConcurrentDictionary<Guid, Warning> warnings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(UserScope.System);
        var db = scope.ServiceProvider.GetRequiredService<TianshanDb>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();
        var now = time.GetUtcNow();
        var d = await db.WarningDeliveries.FirstOrDefaultAsync(
            x => x.Id == id && (x.Status == DeliveryStatus.Pending || x.Status == DeliveryStatus.Retrying) && x.NextAttemptAt <= now, ct);
        if (d is null)
            return;   // settled meanwhile (a receipt, a resend, another node)
        d.Claim(time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return;   // another node took it
        }
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
