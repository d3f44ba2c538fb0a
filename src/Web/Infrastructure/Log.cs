namespace Tianshan.Web.Infrastructure;

/// <summary>Structured log messages (source-generated: no allocation when the level is off).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Tianshan listening on {Urls}")]
    public static partial void Listening(ILogger logger, string urls);

    [LoggerMessage(2, LogLevel.Information, "First start: {Count} logins created, demo seeded: {Seeded}")]
    public static partial void FirstStart(ILogger logger, int count, bool seeded);

    [LoggerMessage(3, LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(4, LogLevel.Information, "Alarm engine loaded {Sensors} sensors and {OpenAlarms} open alarms")]
    public static partial void EngineLoaded(ILogger logger, int sensors, int openAlarms);

    [LoggerMessage(5, LogLevel.Warning, "Alarm {AlarmId} could not be restored: {Reason}")]
    public static partial void AlarmNotRestored(ILogger logger, Guid alarmId, string reason);

    [LoggerMessage(6, LogLevel.Information, "Embedded MQTT broker listening on 127.0.0.1:{Port}")]
    public static partial void BrokerStarted(ILogger logger, int port);

    [LoggerMessage(7, LogLevel.Information, "Subscribed to the external MQTT broker {Broker}")]
    public static partial void BrokerConnected(ILogger logger, string broker);

    [LoggerMessage(8, LogLevel.Error, "Readings on {Topic} could not be stored; not acknowledged")]
    public static partial void IngestFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(9, LogLevel.Information, "Demo feed playing {Sensors} sensors over MQTT")]
    public static partial void DemoFeedStarted(ILogger logger, int sensors);

    [LoggerMessage(10, LogLevel.Error, "{Count} alarm changes could not be stored (attempt {Attempt}); they stay queued and are retried")]
    public static partial void AlarmStoreFailed(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(18, LogLevel.Error, "Hidden hazard deadline review failed; the next period tries again")]
    public static partial void HazardReviewFailed(ILogger logger, Exception exception);

    [LoggerMessage(17, LogLevel.Error, "Escalation could not be stored; the next tick tries again")]
    public static partial void EscalationFailed(ILogger logger, Exception exception);

    [LoggerMessage(16, LogLevel.Warning, "Alarm changes were stored but could not be pushed to SignalR")]
    public static partial void AlarmPushFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Information, "Reading store: {Count} expired partitions dropped")]
    public static partial void PartitionsDropped(ILogger logger, int count);

    [LoggerMessage(12, LogLevel.Error, "Reading store maintenance failed; retried next minute")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
