namespace Tianshan.Web.Features.Monitoring;

/// <summary>"Mqtt" section: the embedded broker (default) or an external one.</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary>false turns MQTT ingest off (e.g. a web-only node).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Port of the embedded broker on 127.0.0.1.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>"host:port" of an external broker (mosquitto, EMQX); empty means the embedded broker.</summary>
    public string? Broker { get; set; }

    /// <summary>Client id on an external broker; the session (and QoS 1 messages not yet acknowledged) is kept under it.</summary>
    public string ClientId { get; set; } = "tianshan-ingest";

    public string? UserName { get; set; }
    public string? Password { get; set; }
}
