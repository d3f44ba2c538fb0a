using System.Buffers;
using System.Net;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Tianshan.Web.Infrastructure;

namespace Tianshan.Web.Features.Monitoring;

/// <summary>
/// Takes readings over MQTT: by default an embedded broker (MQTTnet.Server) on 127.0.0.1, where each gateway logs in
/// with its enterprise's credit code and may publish only under tianshan/{that code}/…; or, with Mqtt:Broker set, a
/// subscription to an external broker (whose own ACLs then guard the topics). Either way a QoS 1 message is
/// acknowledged only after its readings are durably stored (<see cref="ReadingIngest"/>): on the embedded broker the
/// PUBACK waits for the publish interceptor, on an external broker the client acknowledges manually. The embedded broker
/// forwards nothing and refuses every subscription.
/// </summary>
public sealed class MqttIngest(IOptions<MqttOptions> options, SensorDirectory directory, ReadingIngest ingest,
    TimeProvider time, ILogger<MqttIngest> logger) : IHostedService, IAsyncDisposable
{
    public const string TopicPrefix = "tianshan/";
    private const string UserKey = "tianshan:gateway";

    /// <summary>Readings more than this far in the future, or older than the raw retention, are refused as out of range.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    private MqttServer? _server;
    private IMqttClient? _client;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
            return;
        await directory.ReloadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(o.Broker))
            await StartEmbeddedAsync(o.Port);
        else
            await StartClientAsync(o, cancellationToken);
    }

    private async Task StartEmbeddedAsync(int port)
    {
        var serverOptions = new MqttServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += e =>
        {
            // MQTT 5 lets a client leave its id empty and have the server assign one (§3.1.3.1). For MQTT 3.1.1 accepting an
            // empty id is only a MAY (§3.1.3.1) and MQTTnet does not: such a gateway gets CONNACK 0x02 (identifier rejected)
            // and must send its own id (README, gateways).
            if (string.IsNullOrEmpty(e.ClientId))
                e.AssignedClientIdentifier = "gateway-" + Guid.NewGuid().ToString("N");
            if (e.UserName == SensorDirectory.DemoFeedUser && e.Password == directory.DemoFeedToken)
            {
                e.SessionItems[UserKey] = SensorDirectory.DemoFeedUser;
                return Task.CompletedTask;
            }
            var gateway = directory.Gateway(e.UserName ?? "");
            if (gateway is null || !directory.CheckPassword(gateway, e.Password))
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                return Task.CompletedTask;
            }
            e.SessionItems[UserKey] = gateway.EnterpriseCode;
            return Task.CompletedTask;
        };
        // The embedded broker is the platform's intake, not a message bus: the platform consumes every message itself and
        // nobody may subscribe. A gateway that could subscribe to tianshan/# would read every other enterprise's process
        // data, and forwarding to no one still costs the broker a subscriber scan per message.
        _server.InterceptingSubscriptionAsync += e =>
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += async e =>
        {
            e.ProcessPublish = false;
            var user = e.SessionItems[UserKey] as string;
            var topic = e.ApplicationMessage.Topic;
            var (code, leaf) = SplitTopic(topic);
            if (user is null || code is null || (code != user && user != SensorDirectory.DemoFeedUser))
            {
                // A gateway publishes only under its own enterprise code (the MQTT 5 reason reaches v5 clients).
                if (user is not null)
                    directory.Stats(user).AddRefused();
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                return;
            }
            try
            {
                await HandleAsync(code, leaf!, e.ApplicationMessage.Payload, CancellationToken.None);
            }
#pragma warning disable CA1031 // storage failed: close without PUBACK so the gateway resends; nothing acknowledged is lost
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.IngestFailed(logger, ex, topic);
                e.CloseConnection = true;
            }
        };
        await _server.StartAsync();
        Log.BrokerStarted(logger, port);
    }

    private async Task StartClientAsync(MqttOptions o, CancellationToken ct)
    {
        var (host, port) = ParseBroker(o.Broker!);
        var factory = new MqttClientFactory();
        _client = factory.CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += async e =>
        {
            e.AutoAcknowledge = false;
            var (code, leaf) = SplitTopic(e.ApplicationMessage.Topic);
            if (code is not null && leaf is not null)
            {
                try
                {
                    await HandleAsync(code, leaf, e.ApplicationMessage.Payload, CancellationToken.None);
                }
#pragma warning disable CA1031 // not acknowledged: the broker redelivers after reconnect
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.IngestFailed(logger, ex, e.ApplicationMessage.Topic);
                    return;
                }
            }
            await e.AcknowledgeAsync(CancellationToken.None);
        };
        var builder = factory.CreateClientOptionsBuilder().WithTcpServer(host, port).WithClientId(o.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(false).WithSessionExpiryInterval(3600);
        if (!string.IsNullOrEmpty(o.UserName))
            builder = builder.WithCredentials(o.UserName, o.Password);
        await _client.ConnectAsync(builder.Build(), ct);
        await _client.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(TopicPrefix + "#", MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        Log.BrokerConnected(logger, o.Broker!);
    }

    /// <summary>Decodes, checks and stores one message's readings; returns when they are durably stored.</summary>
    private async Task HandleAsync(string enterpriseCode, string leaf, ReadOnlySequence<byte> payload, CancellationToken ct)
    {
        var stats = directory.Stats(enterpriseCode);
        var gateway = directory.Gateway(enterpriseCode);
        if (gateway is null)
        {
            stats.AddRefused();
            return;
        }
        var published = new List<PublishedReading>();
        if (leaf == "batch")
        {
            var malformed = ReadingPayload.ParseBatch(payload, published);
            stats.AddMalformed(malformed < 0 ? 1 : malformed);
        }
        else if (ReadingPayload.TryParseSingle(payload, leaf, out var single))
            published.Add(single);
        else
            stats.AddMalformed(1);

        var now = time.GetUtcNow();
        var samples = new Sample[published.Count];
        var n = 0;
        foreach (var r in published)
        {
            if (!gateway.Sensors.TryGetValue(r.SensorCode, out var storeId))
                stats.AddUnknownSensor();
            else if (r.Time > now + FutureTolerance || r.Time < now - MaxAge)
                stats.AddOutOfRange();
            else
                samples[n++] = new Sample(storeId, r.Time.ToUnixTimeMilliseconds(), r.Value);
        }
        if (n == 0)
            return;
        await ingest.IngestAsync(samples.AsMemory(0, n), ct);
        stats.AddAccepted(n);
    }

    /// <summary>"tianshan/{code}/{leaf}" → (code, leaf); (null, null) for any other topic.</summary>
    public static (string? Code, string? Leaf) SplitTopic(string topic)
    {
        if (!topic.StartsWith(TopicPrefix, StringComparison.Ordinal))
            return (null, null);
        var rest = topic.AsSpan(TopicPrefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest[(slash + 1)..].Contains('/'))
            return (null, null);
        return (rest[..slash].ToString(), rest[(slash + 1)..].ToString());
    }

    private static (string Host, int Port) ParseBroker(string broker)
    {
        var colon = broker.LastIndexOf(':');
        return colon > 0 && int.TryParse(broker.AsSpan(colon + 1), out var port) ? (broker[..colon], port) : (broker, 1883);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            try
            {
                await _server.StopAsync();
            }
            catch (InvalidOperationException)
            {
                // MQTTnet 5.2 may race its own accept loop while stopping ("Collection was modified"); the host is
                // going down either way, and Dispose releases the sockets.
            }
        }
        if (_client is { IsConnected: true })
        {
            try
            {
                await _client.DisconnectAsync(cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is NullReferenceException or ObjectDisposedException or MQTTnet.Exceptions.MqttCommunicationException)
            {
                // MQTTnet 5 throws from DisconnectAsync when the connection closed between the check and the send (its
                // channel is already gone); the session is over either way and DisposeAsync releases the client.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }
}
