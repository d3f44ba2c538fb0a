using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tianshan.Core.Warnings;

namespace Tianshan.Web.Features.Warnings.Channels;

/// <summary>Shared HTTP behaviour: 2xx accepted; 408, 429 and 5xx retried; other 4xx permanent.</summary>
public abstract class HttpChannel(IHttpClientFactory http, IOptions<ChannelOptions> options) : IWarningChannel
{
    public abstract WarningChannel Kind { get; }

    public virtual bool DeduplicatesByKey => true;

    protected ChannelOptions Options => options.Value;

    protected abstract string? Url(OutgoingMessage message);

    protected abstract object Body(OutgoingMessage m);

    protected virtual Task<ChannelResult> ReadAsync(HttpResponseMessage response, CancellationToken ct) =>
        Task.FromResult(ChannelResult.Ok(delivered: true));

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Url(message) is not { Length: > 0 } url)
            return ChannelResult.Fail($"{ChannelLabels.Label(Kind)}渠道未配置网关地址", permanent: true);
        using var client = http.CreateClient("warning-channels");
        client.Timeout = Options.Timeout;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(Body(message)) };
        request.Headers.Add("Idempotency-Key", message.DeliveryKey);
        if (Kind == WarningChannel.Sms && Options.SmsApiKey is { Length: > 0 } key)
            request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
            return await ReadAsync(response, ct);
        var code = (int)response.StatusCode;
        var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || code >= 500;
        return ChannelResult.Fail($"网关返回 HTTP {code}", permanent: !transient);
    }
}

/// <summary>短信: a generic HTTP SMS gateway that de-duplicates by the delivery key and reports receipts later.</summary>
public sealed class SmsChannel(IHttpClientFactory http, IOptions<ChannelOptions> options) : HttpChannel(http, options)
{
    public override WarningChannel Kind => WarningChannel.Sms;

    protected override string? Url(OutgoingMessage message) => Options.SmsUrl;

    protected override object Body(OutgoingMessage m) => new { to = m.Address, text = Options.SmsSignature + m.Text, deliveryKey = m.DeliveryKey };

    protected override async Task<ChannelResult> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("messageId", out var m) ? m.GetString() : null;
        // Accepted by the gateway; the handset's receipt (回执) comes later through /api/warnings/receipts.
        return ChannelResult.Ok(delivered: false, id);
    }
}

/// <summary>企业微信群机器人: POST markdown to the robot's webhook; errcode 0 means posted in the group. The robot API has no
/// idempotency key, so an attempt interrupted by a restart is not repeated.</summary>
public sealed class WeComChannel(IHttpClientFactory http, IOptions<ChannelOptions> options) : HttpChannel(http, options)
{
    public override WarningChannel Kind => WarningChannel.WeCom;

    public override bool DeduplicatesByKey => false;

    protected override string? Url(OutgoingMessage message) =>
        Options.WeComUrl is { Length: > 0 } url ? $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}key={Uri.EscapeDataString(message.Address)}" : null;

    protected override object Body(OutgoingMessage m) => new
    {
        msgtype = "markdown",
        markdown = new { content = $"### {m.Title}\n{m.Text}\n> 预警编号 {m.Identifier}" },
    };

    protected override async Task<ChannelResult> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var code = body.TryGetProperty("errcode", out var e) ? e.GetInt32() : -1;
        var message = body.TryGetProperty("errmsg", out var m) ? m.GetString() : null;
        // 45009: the robot's rate limit (20 messages a minute) — try again later; anything else non-zero is a refusal.
        return code == 0 ? ChannelResult.Ok(delivered: true) : ChannelResult.Fail($"企业微信返回 errcode {code}：{message}", permanent: code != 45009);
    }
}

/// <summary>应急广播 / 电子显示屏 / 社区大喇叭 platforms: one HTTP endpoint per platform, the contact's address is the terminal id.</summary>
public sealed class DeviceChannel(WarningChannel kind, IHttpClientFactory http, IOptions<ChannelOptions> options) : HttpChannel(http, options)
{
    public override WarningChannel Kind => kind;

    protected override string? Url(OutgoingMessage message) => kind switch
    {
        WarningChannel.Broadcast => Options.BroadcastUrl,
        WarningChannel.DisplayScreen => Options.DisplayScreenUrl,
        _ => Options.LoudspeakerUrl,
    };

    protected override object Body(OutgoingMessage m) => new
    {
        terminal = m.Address, title = m.Title, text = m.Text, level = m.Level.ToString(), identifier = m.Identifier, deliveryKey = m.DeliveryKey,
    };
}

/// <summary>门户网站: the public page shows every current warning as soon as it is published; the delivery records that.</summary>
public sealed class WebPageChannel : IWarningChannel
{
    public WarningChannel Kind => WarningChannel.WebPage;

    public bool DeduplicatesByKey => true;

    public Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct) => Task.FromResult(ChannelResult.Ok(delivered: true, "public-page"));
}
