namespace Tianshan.Core.Warnings;

/// <summary>
/// 预警信息公众覆盖率 (the emergency plan's indicator, target ≥ 90 %): people reached ÷ people in the warning's area.
/// People in the area are the residents of its communities (Division.Residents). People reached, per community, are the
/// sum of <see cref="WarningDelivery.Reach"/> over deliveries that reached their recipient, capped at the community's
/// residents (a loudspeaker and an SMS may reach the same household, so the sum is an upper estimate and the cap keeps
/// it honest). The public web page reaches nobody in particular and is not counted.
/// </summary>
public static class WarningCoverage
{
    public sealed record Result(long PeopleInArea, long PeopleReached)
    {
        public double? Ratio => PeopleInArea == 0 ? null : (double)PeopleReached / PeopleInArea;
    }

    public static Result Of(IEnumerable<WarningDelivery> deliveries, IReadOnlyDictionary<string, int> residentsByCommunity)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(residentsByCommunity);
        var reachedBy = deliveries.Where(d => d.IsReached && d.CommunityCode is not null && d.Channel != WarningChannel.WebPage)
            .GroupBy(d => d.CommunityCode!)
            .ToDictionary(g => g.Key, g => g.Sum(d => (long)d.Reach));
        long inArea = 0, reached = 0;
        foreach (var (code, residents) in residentsByCommunity)
        {
            inArea += residents;
            reached += Math.Min(residents, reachedBy.GetValueOrDefault(code));
        }
        return new Result(inArea, reached);
    }
}
