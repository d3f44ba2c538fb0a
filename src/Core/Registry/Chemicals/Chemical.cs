namespace Tianshan.Core.Registry;

/// <summary>Where a catalogue entry comes from.</summary>
public enum ChemicalSource
{
    /// <summary>GB 18218-2018 Table 1 (named substances with their own critical quantity).</summary>
    Table1,
    /// <summary>A common substance not in Table 1, classified into a Table 2 category (see SOURCES.md).</summary>
    Supplementary,
    /// <summary>A Table 2 hazard category itself (J1–J5, W1.1–W11), for substances classified by hazard.</summary>
    Category,
}

/// <summary>A substance (or a Table 2 hazard category) with what GB 18218-2018 needs to identify and grade it:
/// the critical quantity Q (t) and the correction factor β (Table 3 for the listed toxic gases, else Table 4 by category).</summary>
public sealed record Chemical(
    string Key,
    string NameZh,
    IReadOnlyList<string> AliasesZh,
    IReadOnlyList<string> AliasesEn,
    IReadOnlyList<string> Cas,
    decimal CriticalQuantity,
    string? HazardCode,
    decimal Beta,
    string BetaBasis,
    bool Restricted,
    ChemicalSource Source,
    string Notes);

/// <summary>A Table 2 hazard category (危险化学品类别) with its critical quantity and its Table 4 β.</summary>
public sealed record HazardCategory(string Code, string CategoryZh, string DescriptionZh, decimal CriticalQuantity, decimal Beta);
