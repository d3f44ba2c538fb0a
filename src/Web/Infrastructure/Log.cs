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
}
