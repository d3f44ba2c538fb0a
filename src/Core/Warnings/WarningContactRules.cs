using System.Net.Mail;
using System.Text.RegularExpressions;
using Tianshan.Core.Platform;

namespace Tianshan.Core.Warnings;

/// <summary>What a contact of the ledger is, as a form, the API or an Excel row gives it (before checking).</summary>
public sealed record WarningContactDetails(string? CommunityCode, string? Name, ContactCategory? Category, WarningChannel? Channel, string? Address, int? Reach, string? Note);

/// <summary>
/// The rules of one entry of the warning contact ledger (预警接收人名录), shared by the API, the page and the Excel import:
/// each field is checked with a Chinese message, and the address is normalised to what its channel sends to, so that the
/// same recipient written two ways is recognised as one (the ledger refuses an exact duplicate).
/// </summary>
public static partial class WarningContactRules
{
    public const int NameMax = 100;
    public const int NoteMax = 500;
    public const int AddressMax = 200;
    public const int ReachMax = 100_000;

    /// <summary>Channels a ledger entry may use: every channel but the public web page, which is delivered by publishing.</summary>
    public static readonly IReadOnlyList<WarningChannel> Channels = [.. Enum.GetValues<WarningChannel>().Where(c => c != WarningChannel.WebPage)];

    /// <summary>
    /// Checks the fields and returns the normalised values; throws <see cref="DomainValidationException"/> with every field's
    /// Chinese message. The community is checked by the caller (it depends on the user's jurisdiction).
    /// </summary>
    public static WarningContactDetails Check(WarningContactDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = d.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = ["请填写接收人名称"];
        else if (name.Length > NameMax)
            errors["name"] = [$"接收人名称不能超过 {NameMax} 个字"];
        if (d.Category is not { } category || !Enum.IsDefined(category))
            errors["category"] = ["请选择人员类别"];
        string? address = null;
        if (d.Channel is not { } channel || !Enum.IsDefined(channel))
            errors["channel"] = ["请选择接收渠道"];
        else if (channel == WarningChannel.WebPage)
            errors["channel"] = ["门户网站随预警发布自动送达，不需要登记接收人，请选择其他渠道"];
        else if (NormaliseAddress(channel, d.Address, out var problem) is { } normalised)
            address = normalised;
        else
            errors["address"] = [problem!];
        var reach = d.Reach ?? 1;
        if (reach is < 1 or > ReachMax)
            errors["reach"] = [$"覆盖人数应为 1 至 {ReachMax} 之间的整数"];
        var note = string.IsNullOrWhiteSpace(d.Note) ? null : d.Note.Trim();
        if (note is { Length: > NoteMax })
            errors["note"] = [$"备注不能超过 {NoteMax} 个字"];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        return d with { CommunityCode = d.CommunityCode?.Trim(), Name = name, Address = address, Reach = reach, Note = note };
    }

    /// <summary>
    /// The address as the channel sends to it, or null with a Chinese problem. What each channel expects is what its adapter
    /// sends (src/Web/Features/Warnings/Channels): SMS a mainland mobile number; e-mail a mailbox; the WeCom group robot the
    /// robot's key (a pasted webhook URL "…/webhook/send?key=…" is reduced to its key); broadcast, display screen and
    /// loudspeaker the terminal id their platform knows.
    /// </summary>
    public static string? NormaliseAddress(WarningChannel channel, string? raw, out string? problem)
    {
        problem = null;
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
        {
            problem = channel switch
            {
                WarningChannel.Sms => "请填写手机号码",
                WarningChannel.Email => "请填写电子邮箱",
                WarningChannel.WeCom => "请填写企业微信群机器人的 key 或 Webhook 地址",
                _ => "请填写终端编号",
            };
            return null;
        }
        if (value.Length > AddressMax)
        {
            problem = $"地址不能超过 {AddressMax} 个字符";
            return null;
        }
        switch (channel)
        {
            case WarningChannel.Sms:
                // Mainland mobile numbers are 11 digits in the 13x–19x blocks (工业和信息化部《电信网编号计划（2017年版）》);
                // spaces, dashes and a +86 / 86 prefix are accepted and dropped, so one phone is one recipient.
                var digits = Separators().Replace(value, "");
                if (digits.StartsWith("+86", StringComparison.Ordinal))
                    digits = digits[3..];
                else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
                    digits = digits[2..];
                if (MobileNumber().IsMatch(digits))
                    return digits;
                problem = $"“{value}”不是有效的手机号码（应为 1 开头、第二位 3–9 的 11 位数字，如 13812345678）";
                return null;
            case WarningChannel.Email:
                if (MailAddress.TryCreate(value, out var mail) && mail.Address == value && mail.DisplayName.Length == 0
                    && mail.Host.Contains('.', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace))
                    return value;
                problem = $"“{value}”不是有效的电子邮箱（如 name@example.com）";
                return null;
            case WarningChannel.WeCom:
                var key = value;
                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                {
                    key = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == "key") is { } pair
                        ? Uri.UnescapeDataString(pair[1]) : "";
                    if (key.Length == 0)
                    {
                        problem = "企业微信群机器人 Webhook 地址中没有 key 参数（应如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）";
                        return null;
                    }
                }
                if (RobotKey().IsMatch(key))
                    return key;
                problem = $"“{value}”不是有效的企业微信群机器人 key（字母、数字、短横线，或粘贴完整的 Webhook 地址）";
                return null;
            default:
                if (TerminalId().IsMatch(value))
                    return value;
                problem = $"“{value}”不是有效的终端编号（字母、数字、短横线、下划线或点，最多 64 位，如 LS-650202001001-01）";
                return null;
        }
    }

    /// <summary>The key that makes two entries the same recipient: community, channel and address (e-mail ignoring case).</summary>
    public static (string Community, WarningChannel Channel, string Address) Identity(string communityCode, WarningChannel channel, string address) =>
        (communityCode, channel, channel == WarningChannel.Email ? address.ToLowerInvariant() : address);

    /// <summary>
    /// The address as lists show it: a mobile number as 138****5678, a mailbox as z***@example.com (personal information shown
    /// only as far as the task needs — 个人信息保护法 第六条 最小必要); robot keys and terminal ids, which are not personal, in full
    /// but for a long robot key, which is a credential of the group.
    /// </summary>
    public static string Mask(WarningChannel channel, string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        switch (channel)
        {
            case WarningChannel.Sms when address.Length >= 7:
                return address[..3] + new string('*', address.Length - 7) + address[^4..];
            case WarningChannel.Email when address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at:
                return address[..1] + "***" + address[at..];
            case WarningChannel.WeCom when address.Length > 12:
                return address[..4] + "****" + address[^4..];
            default:
                return address;
        }
    }

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_\-]{0,99}$")]
    private static partial Regex RobotKey();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}$")]
    private static partial Regex TerminalId();
}
