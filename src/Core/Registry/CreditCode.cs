namespace Tianshan.Core.Registry;

/// <summary>The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set
/// (no I, O, Z, S, V); the 18th is a check character computed modulo 31 over the first 17 (§4.3, Annex B).</summary>
public static class CreditCode
{
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Returns null when the code is valid, else a Chinese message saying what is wrong.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return "统一社会信用代码不能为空";
        code = Normalize(code);
        if (code.Length != 18)
            return $"统一社会信用代码应为18位，实际为{code.Length}位";
        foreach (var c in code)
        {
            if (!Charset.Contains(c, StringComparison.Ordinal))
                return $"统一社会信用代码含有不允许的字符“{c}”(不使用 I、O、Z、S、V)";
        }
        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected ? null : $"统一社会信用代码校验位错误：应为“{expected}”，实际为“{code[17]}”";
    }

    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>The check character for the first 17 characters (GB 32100-2015 formula: C18 = 31 − mod(Σ Ci×Wi, 31)).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("需要17位本体代码", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Charset.IndexOf(char.ToUpperInvariant(first17[i]), StringComparison.Ordinal);
            if (value < 0)
                throw new ArgumentException($"不允许的字符“{first17[i]}”", nameof(first17));
            sum += value * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Charset[check == 31 ? 0 : check];
    }
}
