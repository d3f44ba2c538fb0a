namespace Tianshan.Web.Features.Dispatch;

internal static partial class DispatchLog
{
    [LoggerMessage(701, LogLevel.Information, "Road network {FileName} in use: {Nodes} nodes, {Segments} segments")]
    public static partial void RoadNetworkLoaded(ILogger logger, string fileName, int nodes, int segments);
}
