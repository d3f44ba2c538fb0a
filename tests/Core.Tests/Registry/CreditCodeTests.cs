using Tianshan.Core.Registry;

namespace Tianshan.Core.Tests.Registry;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015 guidance
    [InlineData("914403001922038216")] // published code of a Shenzhen enterprise
    [InlineData("9144030071526726XG")]
    [InlineData("9144030071526726xg")] // lower case is accepted and normalised
    public void Published_codes_are_valid(string code)
    {
        Assert.Null(CreditCode.Problem(code));
    }

    [Fact]
    public void A_wrong_check_character_is_reported_with_the_expected_one()
    {
        var problem = CreditCode.Problem("91350100M000100Y44");
        Assert.NotNull(problem);
        Assert.Contains("应为“3”", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("91350100M000100Y4", "18位")]
    [InlineData("91350100M000100O43", "不允许的字符")]
    [InlineData("91350100M000100I43", "不允许的字符")]
    public void Malformed_codes_say_what_is_wrong(string code, string expected)
    {
        Assert.Contains(expected, CreditCode.Problem(code), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_character_wraps_31_to_zero()
    {
        // Find a 17-character body whose weighted sum is a multiple of 31: the check character must be '0'.
        for (var n = 0; n < 10000; n++)
        {
            var body = "91650202" + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var check = CreditCode.CheckCharacter(body);
            if (check == '0')
            {
                Assert.True(CreditCode.IsValid(body + "0"));
                return;
            }
        }
        Assert.Fail("no body with check character 0 found");
    }
}
