using Tianshan.Core.Platform;
using Tianshan.Core.Warnings;

namespace Tianshan.Core.Tests.Warnings;

public sealed class WarningRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 7, 1, 4, 0, 0, TimeSpan.Zero);   // 12:00 Beijing time

    [Fact]
    public void The_identifier_has_the_GB_T_35965_1_form_in_Beijing_time()
    {
        var id = WarningIdentifier.Create("650202", "000", Noon.AddSeconds(7), 3);
        Assert.Equal("65020200000000_20260701120007_3", id);
        Assert.Equal(31, id.Length);
        Assert.True(WarningIdentifier.IsValid(id));
        Assert.Throws<WorkflowException>(() => WarningIdentifier.Create("650202", "000", Noon, 10));
    }

    [Fact]
    public void The_CAP_identity_names_each_malformed_setting_in_Chinese()
    {
        Assert.Empty(new CapOptions().Problems());
        Assert.Empty(new CapOptions { OrganisationCode = "317" }.Problems());
        var problems = new CapOptions { DivisionCode = "65022", OrganisationCode = "3170", Sender = "独山子 应急" }.Problems();
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("Warnings:Cap:DivisionCode 应为 6 位数字", problems[0], StringComparison.Ordinal);
        Assert.Contains("当前为“3170”", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Warnings:Cap:Sender", problems[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WarningLevel.Blue, "Minor")]
    [InlineData(WarningLevel.Yellow, "Moderate")]
    [InlineData(WarningLevel.Orange, "Severe")]
    [InlineData(WarningLevel.Red, "Extreme")]
    public void Each_level_maps_to_its_CAP_severity(WarningLevel level, string severity) => Assert.Equal(severity, WarningLevels.Severity(level));

    [Fact]
    public void A_failed_delivery_backs_off_doubling_then_gives_up_and_a_receipt_never_moves_back()
    {
        var options = new DeliveryOptions { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        var d = WarningDelivery.Create(Guid.NewGuid(), WarningChannel.Sms, "张三", ContactCategory.Resident, "13900000000", "650202002001", 3, Noon);
        d.Claim(Noon);
        d.AttemptFailed("HTTP 503", permanent: false, options, Noon);
        Assert.Equal(DeliveryStatus.Retrying, d.Status);
        Assert.Equal(Noon.AddSeconds(30), d.NextAttemptAt);
        Assert.False(d.IsDue(Noon.AddSeconds(29)));
        d.Claim(Noon.AddSeconds(30));
        d.AttemptFailed("HTTP 503", permanent: false, options, Noon.AddSeconds(30));
        Assert.Equal(Noon.AddSeconds(90), d.NextAttemptAt);
        d.Claim(Noon.AddSeconds(90));
        d.AttemptFailed("HTTP 503", permanent: false, options, Noon.AddSeconds(90));
        Assert.Equal(DeliveryStatus.Failed, d.Status);

        var ok = WarningDelivery.Create(Guid.NewGuid(), WarningChannel.Sms, "李四", ContactCategory.Resident, "13900000001", "650202002001", 1, Noon);
        ok.Claim(Noon);
        ok.Accepted(delivered: false, "SMS-1", Noon);
        Assert.True(ok.ApplyReceipt(DeliveryStatus.Read, null, Noon.AddMinutes(1)));
        Assert.False(ok.ApplyReceipt(DeliveryStatus.Delivered, null, Noon.AddMinutes(2)));
        Assert.Equal(DeliveryStatus.Read, ok.Status);
        Assert.Equal(ok.DeliveryKey, WarningDelivery.KeyOf(ok.WarningId, WarningChannel.Sms, " 13900000001 "));
    }

    [Fact]
    public void An_in_flight_delivery_is_retried_after_a_restart_only_where_the_gateway_deduplicates()
    {
        var sms = WarningDelivery.Create(Guid.NewGuid(), WarningChannel.Sms, "a", ContactCategory.Resident, "1", "c", 1, Noon);
        var robot = WarningDelivery.Create(Guid.NewGuid(), WarningChannel.WeCom, "b", ContactCategory.Device, "k", "c", 1, Noon);
        sms.Claim(Noon);
        robot.Claim(Noon);
        sms.RecoverInFlight(gatewayDeduplicates: true, Noon);
        robot.RecoverInFlight(gatewayDeduplicates: false, Noon);
        Assert.Equal(DeliveryStatus.Retrying, sms.Status);
        Assert.Equal(DeliveryStatus.Unknown, robot.Status);
    }

    [Fact]
    public void Coverage_is_capped_at_each_communitys_residents_and_ignores_the_web_page()
    {
        var loud = WarningDelivery.Create(Guid.NewGuid(), WarningChannel.Loudspeaker, "大喇叭", ContactCategory.Device, "LS", "A", 900, Noon);
        loud.Claim(Noon);
        loud.Accepted(delivered: true, null, Noon);
        var web = WarningDelivery.Create(Guid.NewGuid(), WarningChannel.WebPage, "网页", ContactCategory.Device, "/p", "B", 500, Noon);
        web.Claim(Noon);
        web.Accepted(delivered: true, null, Noon);
        var result = WarningCoverage.Of([loud, web], new Dictionary<string, int> { ["A"] = 600, ["B"] = 400 });
        Assert.Equal(1000, result.PeopleInArea);
        Assert.Equal(600, result.PeopleReached);
        Assert.Equal(0.6, result.Ratio);
    }

    [Fact]
    public void A_signal_without_a_blue_level_refuses_blue()
    {
        var content = new WarningContent
        {
            EventType = "heat-wave", Level = WarningLevel.Blue, CommunityCodes = ["650202002001"], Onset = Noon, Expires = Noon.AddHours(6),
            Headline = "h", Description = "d", Instruction = "i",
        };
        var e = Assert.Throws<DomainValidationException>(() => content.EnsureValid(cancel: false));
        Assert.Contains("高温预警没有蓝色级别", e.Message, StringComparison.Ordinal);
    }
}
