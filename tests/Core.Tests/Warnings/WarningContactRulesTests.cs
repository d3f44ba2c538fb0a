using Tianshan.Core.Warnings;

namespace Tianshan.Core.Tests.Warnings;

public sealed class WarningContactRulesTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    public void A_mainland_mobile_number_written_any_common_way_is_one_address(string raw, string stored) =>
        Assert.Equal(stored, WarningContactRules.NormaliseAddress(WarningChannel.Sms, raw, out _));

    [Theory]
    [InlineData("12812345678")]   // no 12x mobile block
    [InlineData("1381234567")]    // ten digits
    [InlineData("138123456789")]  // twelve digits
    [InlineData("0990-6666666")]  // a landline cannot take an SMS
    [InlineData("1381234567a")]
    public void Anything_else_is_not_a_mobile_number_and_says_so_in_Chinese(string raw)
    {
        Assert.Null(WarningContactRules.NormaliseAddress(WarningChannel.Sms, raw, out var problem));
        Assert.Contains("不是有效的手机号码", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pasted_robot_webhook_is_kept_as_its_key_and_devices_take_terminal_ids()
    {
        Assert.Equal("693a91f6-7xxx", WarningContactRules.NormaliseAddress(WarningChannel.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx", out _));
        Assert.Equal("demo-650202002001", WarningContactRules.NormaliseAddress(WarningChannel.WeCom, "demo-650202002001", out _));
        Assert.Equal("LS-650202002001-01", WarningContactRules.NormaliseAddress(WarningChannel.Loudspeaker, "LS-650202002001-01", out _));
        Assert.Null(WarningContactRules.NormaliseAddress(WarningChannel.Broadcast, "https://broadcast.example/terminal/1", out var problem));
        Assert.Contains("终端编号", problem, StringComparison.Ordinal);
        Assert.Null(WarningContactRules.NormaliseAddress(WarningChannel.Email, "张三 <zhang@example.com>", out problem));
        Assert.Contains("不是有效的电子邮箱", problem, StringComparison.Ordinal);
        Assert.Null(WarningContactRules.NormaliseAddress(WarningChannel.Email, "zhang@localhost", out _));
    }

    [Theory]
    [InlineData(WarningChannel.Sms, "13812345678", "138****5678")]
    [InlineData(WarningChannel.Email, "zhangsan@example.com", "z***@example.com")]
    [InlineData(WarningChannel.WeCom, "693a91f6-7d3c-4b4e-9f44-1c0e5ad2b0f1", "693a****b0f1")]
    [InlineData(WarningChannel.Loudspeaker, "LS-650202002001-01", "LS-650202002001-01")]
    public void Lists_show_personal_addresses_masked(WarningChannel channel, string address, string shown) =>
        Assert.Equal(shown, WarningContactRules.Mask(channel, address));

    [Fact]
    public void Check_trims_defaults_reach_to_one_and_lists_every_bad_field()
    {
        var ok = WarningContactRules.Check(new("650202001001", " 王某 ", ContactCategory.Resident, WarningChannel.Sms, "138 1234 5678", null, "  "));
        Assert.Equal(("王某", "13812345678", 1, (string?)null), (ok.Name, ok.Address, ok.Reach, ok.Note));
        var e = Assert.Throws<Tianshan.Core.Platform.DomainValidationException>(() =>
            WarningContactRules.Check(new("650202001001", "", null, WarningChannel.WebPage, "", 0, new string('x', 501))));
        Assert.Equal(["category", "channel", "name", "note", "reach"], e.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
