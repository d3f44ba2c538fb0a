using System.Globalization;
using System.Text.RegularExpressions;

namespace Tianshan.Core.Warnings;

/// <summary>
/// 预警信息唯一标识 in the GB/T 35965.1 form (domain-rules §5; the annex 取值规则 as retrieved, source document named as
/// uncertain there): <c>ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N</c>, 31 characters — 6-digit administrative division code
/// (GB/T 2260), 3-digit organisation code (GB/T 4657), 3-digit internal code "000", 2-digit extension "00", the sending
/// time in Beijing time, and a sequence digit 0–9 for messages sent in the same second.
/// </summary>
public static partial class WarningIdentifier
{
    public static string Create(string divisionCode, string organisationCode, DateTimeOffset sent, int sequence)
    {
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
            throw new ArgumentException("The administrative division code is 6 digits (GB/T 2260)", nameof(divisionCode));
        if (organisationCode.Length != 3 || !organisationCode.All(char.IsAsciiDigit))
            throw new ArgumentException("The organisation code is 3 digits (GB/T 4657)", nameof(organisationCode));
        if (sequence is < 0 or > 9)
            throw new Platform.WorkflowException("同一秒内发布的预警已达 10 条，请稍后再发布");
        var beijing = Platform.ChinaTime.ToChina(sent);
        return $"{divisionCode}{organisationCode}00000_{beijing.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_{sequence}";
    }

    /// <summary>The identifier's prefix for one second: the sequence digit is the count of identifiers with it.</summary>
    public static string SecondPrefix(string divisionCode, string organisationCode, DateTimeOffset sent) =>
        Create(divisionCode, organisationCode, sent, 0)[..^1];

    public static bool IsValid(string identifier) => Pattern().IsMatch(identifier);

    [GeneratedRegex(@"^\d{6}\d{3}\d{3}\d{2}_\d{14}_\d$")]
    private static partial Regex Pattern();
}
